package diff

import (
	"fmt"
	"strings"
)

// Level is how much a change matters to clients of the catalog.
type Level int

// The levels, least severe first.
const (
	Info Level = iota + 1
	Warn
	Err
)

var levelNames = map[Level]string{Info: "INFO", Warn: "WARN", Err: "ERR"}

func (l Level) String() string {
	if s, ok := levelNames[l]; ok {
		return s
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// MarshalText writes the level as ERR, WARN or INFO.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// ParseLevel reads ERR, WARN or INFO, in any case.
func ParseLevel(s string) (Level, error) {
	for l, name := range levelNames {
		if strings.EqualFold(s, name) {
			return l, nil
		}
	}
	return 0, fmt.Errorf("level %q: want ERR, WARN or INFO", s)
}

// Rule ids. See the package doc for what each means.
const (
	CodeRemoved          = "error-code-removed"
	StatusChanged        = "error-status-changed"
	StatusRemoved        = "error-status-removed"
	MessageParamsChanged = "error-message-params-changed"
	CodeRenamed          = "error-code-renamed"
	CodePrefixRenamed    = "error-code-prefix-renamed"
	MessageReworded      = "error-message-reworded"
	MessageRemoved       = "error-message-removed"
	DescriptionChanged   = "error-description-changed"
	SolutionChanged      = "error-solution-changed"
	NoteChanged          = "error-note-changed"
	RetryableChanged     = "error-retryable-changed"
	ExtraChanged         = "error-extra-changed"
	MessageAdded         = "error-message-added"
	CodeAdded            = "error-code-added"
	StatusAdded          = "error-status-added"
)

// Rule is one kind of change.
type Rule struct {
	ID    string
	Level Level
	// Doc says what the rule detects, in one sentence.
	Doc string
}

// Rules lists every rule, most severe first; reports order changes the
// same way.
var Rules = []Rule{
	{CodeRemoved, Err, "a code is no longer documented"},
	{StatusChanged, Err, "an entry's HTTP status changed"},
	{StatusRemoved, Err, "a code that stays is no longer documented with one of its statuses"},
	{MessageParamsChanged, Err, "a message template's placeholders were added, removed or renamed"},
	{CodeRenamed, Warn, "a code disappeared and another appeared with the same statuses and messages"},
	{CodePrefixRenamed, Warn, "every code with one prefix now has another prefix (one change for all of them)"},
	{MessageReworded, Warn, "a message template's text changed, its placeholders did not"},
	{MessageRemoved, Warn, "one of several templates of a code and status is no longer documented"},
	{RetryableChanged, Warn, "a code became retryable, or stopped being retryable (errgen.yaml's retryable:, a catalog's retryable: true)"},
	{DescriptionChanged, Info, "an entry's description changed"},
	{SolutionChanged, Info, "an entry's solution changed"},
	{NoteChanged, Info, "an entry's note changed"},
	{ExtraChanged, Info, "a column errgen has no field for changed"},
	{MessageAdded, Info, "a code and status already documented gained another message template"},
	{CodeAdded, Info, "a code is newly documented"},
	{StatusAdded, Info, "a code that stays is now also documented with another status"},
}

var ruleIndex = func() map[string]int {
	m := make(map[string]int, len(Rules))
	for i, r := range Rules {
		m[r.ID] = i
	}
	return m
}()

// LookupRule returns the rule with the given id.
func LookupRule(id string) (Rule, bool) {
	i, ok := ruleIndex[id]
	if !ok {
		return Rule{}, false
	}
	return Rules[i], true
}

// RuleIDs lists the rule ids in the order of Rules.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}
