package fields

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/catalog"
)

// Role is what a field of an error object says about the error.
type Role int

// The roles, in the order Detect assigns them: a field that gives one is
// not offered to the next. Status comes first because its evidence (HTTP
// statuses as values) is the surest and keeps a "code": 404 from becoming
// the code.
const (
	Status Role = iota
	Code
	Message
	Solution
	Description
	Title
	numRoles
)

// Roles lists every role in assignment order.
var Roles = []Role{Status, Code, Message, Solution, Description, Title}

var roleNames = [numRoles]string{"status", "code", "message", "solution", "description", "title"}

// String is the role's name as config and flags write it: "code".
func (r Role) String() string {
	if r < 0 || r >= numRoles {
		return "role(" + strconv.Itoa(int(r)) + ")"
	}
	return roleNames[r]
}

// ParseRole returns the role named s ("code", "status", …), any case.
func ParseRole(s string) (Role, bool) {
	for r, n := range roleNames {
		if strings.EqualFold(s, n) {
			return Role(r), true
		}
	}
	return 0, false
}

// RoleNames are the role names, in the order a message lists them.
func RoleNames() string {
	return "code, status, message, title, description, solution"
}

// Kind is the JSON type of a sample value.
type Kind uint8

// The kinds of sample values.
const (
	String Kind = iota
	Number
	Bool
	Null
	Object
	Array
)

// Value is one sample value of a field: its kind and, for scalars, its
// text (a number as the source writes it).
type Value struct {
	Kind Kind
	Text string
}

// Column is one field as it appears across the sampled objects.
type Column struct {
	// Pointer is where the field sits in an object, "/code" or
	// "/http/status"; its last token is the field's name.
	Pointer string
	// Values are sample values, one per sampled object that has the
	// field. Callers cap the sample (Detect reads every value given).
	Values []Value
}

// Confidence says how sure a choice is.
type Confidence int

// The confidences. High means name and content agree; Medium that one of
// them is weak (a field named "id", or content alone); Low that they
// disagree or the evidence is thin.
const (
	None Confidence = iota
	Low
	Medium
	High
)

func (c Confidence) String() string {
	return [...]string{"none", "low", "medium", "high"}[max(0, min(int(c), 3))]
}

// Choice is the field chosen for one role.
type Choice struct {
	Role Role
	// Pointer is the chosen field's pointer, "" when no field fits.
	Pointer    string
	Score      float64
	Confidence Confidence
	// Named is true when the field's name is one of the role's names (not
	// content alone).
	Named bool
	// Reasons say why, in words: "named like a code", "values are single
	// tokens".
	Reasons []string
	// Alternatives are the other fields that could fit, best first.
	Alternatives []string
	// Fixed is true for a choice the caller made.
	Fixed bool
}

// String explains the choice: `chose /code as the code: named like a
// code, values are single tokens; alternatives: /id`.
func (c Choice) String() string {
	if c.Pointer == "" {
		return "no field for the " + c.Role.String()
	}
	if c.Fixed {
		return c.Pointer + " is the " + c.Role.String() + " (as given)"
	}
	s := "chose " + c.Pointer + " as the " + c.Role.String()
	if len(c.Reasons) > 0 {
		s += ": " + strings.Join(c.Reasons, ", ")
	}
	if len(c.Alternatives) > 0 {
		s += "; alternatives: " + strings.Join(c.Alternatives, ", ")
	}
	return s
}

// Result is the choice for every role.
type Result struct {
	choices [numRoles]Choice
}

// Get returns the choice for r.
func (r *Result) Get(role Role) Choice {
	if role < 0 || role >= numRoles {
		return Choice{Role: role}
	}
	return r.choices[role]
}

// Pointer returns the chosen pointer for r, "" when none.
func (r *Result) Pointer(role Role) string { return r.Get(role).Pointer }

// Summary lists the chosen roles, "code /code, message /msg", in the
// order a message names them.
func (r *Result) Summary() string {
	var parts []string
	for _, role := range []Role{Code, Status, Message, Title, Description, Solution} {
		if c := r.choices[role]; c.Pointer != "" {
			parts = append(parts, role.String()+" "+c.Pointer)
		}
	}
	if len(parts) == 0 {
		return "no fields"
	}
	return strings.Join(parts, ", ")
}

// Unsure returns the detected (not fixed) choices whose confidence is
// below High or that have an alternative, which a caller should warn
// about.
func (r *Result) Unsure() []Choice {
	var out []Choice
	for _, role := range []Role{Code, Status, Message, Title, Description, Solution} {
		c := r.choices[role]
		if c.Pointer != "" && !c.Fixed && (c.Confidence < High || len(c.Alternatives) > 0) {
			out = append(out, c)
		}
	}
	return out
}

// Options adjust Detect.
type Options struct {
	// Fixed are the caller's choices, by role; their fields are not
	// offered to other roles.
	Fixed map[Role]string
}

// threshold is the least score a field needs to be chosen.
const threshold = 0.25

// Detect chooses, for every role in [Roles] order, the best field not
// already chosen (see the package doc for the scores).
func Detect(cols []Column, opts Options) *Result {
	res := &Result{}
	taken := map[string]bool{}
	for role, p := range opts.Fixed {
		if role >= 0 && role < numRoles && p != "" {
			res.choices[role] = Choice{Role: role, Pointer: p, Score: 1, Confidence: High, Named: true, Fixed: true}
			taken[p] = true
		}
	}
	type scored struct {
		col   int
		score float64
		named bool
		why   []string
	}
	stats := make([]stats, len(cols))
	for i, c := range cols {
		stats[i] = measure(c.Values)
	}
	for _, role := range Roles {
		if res.choices[role].Fixed {
			continue
		}
		var cands []scored
		for i, c := range cols {
			if taken[c.Pointer] {
				continue
			}
			s, named, why := score(role, name(c.Pointer), &stats[i])
			s *= depthPenalty(c.Pointer)
			if s >= threshold {
				cands = append(cands, scored{i, s, named, why})
			}
		}
		if len(cands) == 0 {
			res.choices[role] = Choice{Role: role}
			continue
		}
		// Stable: among equal scores the shallower, then earlier, field
		// wins, as a reader scans an object from the top.
		sort.SliceStable(cands, func(a, b int) bool {
			if cands[a].score != cands[b].score {
				return cands[a].score > cands[b].score
			}
			return depth(cols[cands[a].col].Pointer) < depth(cols[cands[b].col].Pointer)
		})
		best := cands[0]
		ch := Choice{Role: role, Pointer: cols[best.col].Pointer, Score: best.score, Named: best.named, Reasons: best.why}
		switch {
		case best.score >= 0.7:
			ch.Confidence = High
		case best.score >= 0.4:
			ch.Confidence = Medium
		default:
			ch.Confidence = Low
		}
		for _, c := range cands[1:] {
			// Only near rivals are worth naming.
			if len(ch.Alternatives) < 3 && c.score >= best.score/2 {
				ch.Alternatives = append(ch.Alternatives, cols[c.col].Pointer)
			}
		}
		taken[ch.Pointer] = true
		res.choices[role] = ch
	}
	// A field another role took is no alternative: the message's rival
	// /description that became the description is settled.
	for r := range res.choices {
		c := &res.choices[r]
		alts := c.Alternatives[:0]
		for _, a := range c.Alternatives {
			if !taken[a] {
				alts = append(alts, a)
			}
		}
		c.Alternatives = alts
	}
	return res
}

// name is the normalised name of the field at pointer p: its last token
// lower-cased without '_', '-', '.' or blanks, so errorCode, error_code
// and Error-Code are one name. An array index takes its parent's name.
func name(p string) string {
	toks, _ := catalog.SplitPointer(p)
	for i := len(toks) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(toks[i]); err == nil || toks[i] == "*" {
			continue
		}
		return Normalize(toks[i])
	}
	return ""
}

// Normalize lower-cases s and drops everything but letters and digits.
func Normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func depth(p string) int { return strings.Count(p, "/") - 1 }

// depthPenalty prefers fields nearest the top of the object.
func depthPenalty(p string) float64 {
	f := 1.0
	for d := depth(p); d > 0; d-- {
		f *= 0.9
	}
	return f
}

// stats are what the sample values of a field look like.
type stats struct {
	n         int // non-null scalars
	composite int // objects and arrays
	strs      int // strings
	nums      int // numbers
	bools     int
	status    int // HTTP statuses 100–599 (numbers or numeric strings)
	errStatus int // 400–599 known to net/http
	numeric   int // numbers or strings of digits
	tokens    int // single tokens
	constants int // constant-like identifiers: NOT_FOUND, Auth.Failed
	ident     int // tokens with a letter
	sentences int
	distinct  int
}

func measure(vals []Value) stats {
	var s stats
	seen := map[string]bool{}
	for _, v := range vals {
		switch v.Kind {
		case Null:
			continue
		case Object, Array:
			s.composite++
			continue
		case Bool:
			s.bools++
		case Number:
			s.nums++
		case String:
			s.strs++
		}
		t := strings.TrimSpace(v.Text)
		if t == "" {
			continue
		}
		s.n++
		if !seen[t] {
			seen[t] = true
			s.distinct++
		}
		if v.Kind != Bool {
			if st, exact := StatusOf(t); st >= 100 && st <= 599 {
				s.status++
				if st >= 400 && KnownStatus(st) {
					s.errStatus++
				}
				if exact {
					s.numeric++
				}
			} else if isDigits(t) {
				s.numeric++
			}
		}
		if isToken(t) {
			s.tokens++
			if strings.IndexFunc(t, unicode.IsLetter) >= 0 {
				s.ident++
			}
			if constLike.MatchString(t) {
				s.constants++
			}
		}
		if isSentence(t) {
			s.sentences++
		}
	}
	return s
}

func isDigits(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// constLike matches identifiers that read as constants: upper-case
// words joined by '_' (NOT_FOUND), or words joined by '.' or '_'
// (Auth.Failed, invalid_request).
var constLike = regexp.MustCompile(`^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+)$`)

// isToken: one word, no blanks, short, as codes are.
func isToken(t string) bool {
	return utf8.RuneCountInString(t) <= 80 && strings.IndexFunc(t, unicode.IsSpace) < 0
}

// isSentence: words with blanks that end like a sentence or run long.
func isSentence(t string) bool {
	words := len(strings.Fields(t))
	if words < 2 {
		return false
	}
	end := t[len(t)-1]
	return end == '.' || end == '!' || end == '?' || words >= 3 || len(t) > 40
}

func frac(a, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(a) / float64(n)
}

// score is how well a field named nm with values s fits role, whether its
// name is one of the role's, and why, in words.
func score(role Role, nm string, s *stats) (float64, bool, []string) {
	ns := nameScore(role, nm)
	total := s.n + s.composite
	if s.n == 0 || frac(s.composite, total) > 0.5 {
		return 0, false, nil // roles are scalars
	}
	var why []string
	named := ns > 0
	label := "named like a " + role.String()
	if ns > 0 && ns < 0.6 {
		label = "named weakly like a " + role.String()
	}
	if role == Description || role == Solution || role == Title || role == Message {
		label = strings.Replace(label, "a "+role.String(), "a "+role.String()+" field", 1)
	}
	if named {
		why = append(why, label)
	}
	statusFrac := frac(s.status, s.n)
	tokenFrac := frac(s.tokens, s.n)
	sentFrac := frac(s.sentences, s.n)
	var content float64
	switch role {
	case Status:
		if frac(s.bools, s.n) > 0 {
			return 0, false, nil
		}
		if named && statusFrac >= 0.5 && statusFrac < 0.9 {
			// Named a status, and mostly statuses: real registries have
			// the odd "soon" or 4000.
			return ns * 0.8, true, append(why, "values are mostly HTTP statuses")
		}
		if statusFrac < 0.9 {
			return 0, false, nil
		}
		why = append(why, "values are HTTP statuses (100–599)")
		if named {
			return ns, true, why
		}
		// Content alone: error statuses net/http knows, and either few
		// samples or repeats, so that record numbers 401, 402, 403… are
		// not taken for statuses.
		if frac(s.errStatus, s.n) >= 0.9 && frac(s.numeric, s.n) >= 0.9 && (s.n < 5 || frac(s.distinct, s.n) <= 0.5 || isCodeName(nm)) {
			return 0.6, false, why
		}
		return 0, false, nil
	case Code:
		if frac(s.bools, s.n) > 0.5 {
			return 0, false, nil
		}
		switch {
		case statusFrac >= 0.9 && frac(s.numeric, s.n) >= 0.9:
			// A "code" of 400, 404… is the status, not the code.
			content = 0.1
			why = append(why, "but values are HTTP statuses")
		case tokenFrac >= 0.9:
			content = 1
			why = append(why, "values are single tokens")
		case tokenFrac >= 0.6:
			content = 0.7
			why = append(why, "values are mostly single tokens")
		default:
			content = 0.2
			why = append(why, "but values read like sentences")
		}
		if !named && !otherRoleName(nm) {
			// Content alone: distinct identifiers, like ERROR_NAME, or
			// constant-like ones when there are too few samples to tell.
			if content == 1 && frac(s.strs, s.n) == 1 && frac(s.ident, s.n) >= 0.9 &&
				(s.n >= 3 && frac(s.distinct, s.n) >= 0.9 || frac(s.constants, s.n) == 1) {
				return 0.3, false, append(why, "distinct identifiers")
			}
			return 0, false, nil
		}
	case Message:
		switch {
		case frac(s.nums+s.bools, s.n) > 0.5:
			content = 0.1
		case sentFrac >= 0.3:
			content = 1
			why = append(why, "values read like sentences")
		default:
			// "Forbidden" is a message too, but a weak one.
			content = 0.7
			why = append(why, "values are text")
		}
	default:
		if frac(s.strs, s.n) < 0.5 {
			content = 0.1
		} else {
			content = 1
			why = append(why, "values are text")
		}
	}
	if !named {
		return 0, false, nil
	}
	return ns * content, true, why
}

// otherRoleName: nm names a message, title, description or solution, so
// content alone does not make it the code.
func otherRoleName(nm string) bool {
	for _, r := range []Role{Message, Title, Description, Solution} {
		if nameScore(r, nm) > 0 {
			return true
		}
	}
	return false
}

// isCodeName: names whose numeric values are more likely statuses than
// anything else.
func isCodeName(nm string) bool { return nm == "code" || strings.HasSuffix(nm, "code") }

// nameScore is how strongly the normalised name nm names role, 0 to 1.
func nameScore(role Role, nm string) float64 {
	if s, ok := names[role][nm]; ok {
		return s
	}
	switch role {
	case Code:
		// apiCode, vendorErrorCode…; statusCode and httpCode are statuses.
		if strings.HasSuffix(nm, "code") && names[Status][nm] == 0 && !strings.Contains(nm, "status") && !strings.Contains(nm, "http") {
			return 0.7
		}
	case Message:
		if strings.HasSuffix(nm, "message") || strings.HasSuffix(nm, "msg") {
			return 0.8
		}
	case Status:
		if strings.Contains(nm, "httpstatus") {
			return 0.9
		}
	}
	return 0
}

// names are the role's field names (normalised) and their strength.
var names = [numRoles]map[string]float64{
	Status: {
		"status": 0.9, "httpstatus": 1, "statuscode": 1, "httpstatuscode": 1,
		"httpcode": 1, "http": 0.8, "httpresponsecode": 1, "responsecode": 0.8,
		"responsestatus": 0.9, "httpstatuses": 0.9, "statuses": 0.6,
	},
	Code: {
		"code": 1, "errorcode": 1, "errcode": 1, "errcd": 0.9, "errorcd": 0.9,
		"codename": 0.9, "errorkey": 0.8, "errorname": 0.7, "errortype": 0.7,
		"errorid": 0.7, "scimtype": 0.8, "faultcode": 0.8, "error": 0.6,
		"err": 0.6, "symbol": 0.5, "reason": 0.4, "key": 0.4, "type": 0.4,
		"name": 0.35, "id": 0.3, "identifier": 0.3, "exception": 0.4,
	},
	Message: {
		"message": 1, "errormessage": 1, "errmessage": 1, "errormsg": 1,
		"errmsg": 1, "msg": 0.9, "errorsummary": 0.9, "errordescription": 0.9,
		"errortext": 0.9, "messagetemplate": 0.9, "messageformat": 0.9,
		"faultstring": 0.9, "usermessage": 0.8, "errordetail": 0.8,
		"detail": 0.8, "details": 0.6, "text": 0.6, "format": 0.5,
		"developermessage": 0.7, "summary": 0.5, "title": 0.5,
		"description": 0.5, "error": 0.4, "reason": 0.4,
	},
	Solution: {
		"solution": 1, "resolution": 1, "action": 1, "suggestion": 1,
		"suggestedaction": 1, "remedy": 1, "remediation": 1, "howtofix": 1,
		"fix": 0.9, "workaround": 0.9, "recommendation": 0.9,
		"useraction": 0.9, "handling": 0.8, "handlingmeasure": 1,
		"measure": 0.8, "mitigation": 0.8, "troubleshooting": 0.8, "hint": 0.7,
		"solutions": 0.9, "actions": 0.8, "suggestions": 0.9,
	},
	Description: {
		"description": 1, "desc": 0.9, "explanation": 0.9, "cause": 0.9,
		"possiblecause": 0.9, "causes": 0.8, "longdescription": 0.9,
		"meaning": 0.8, "details": 0.7, "detail": 0.6, "reason": 0.5,
		"errordescription": 0.6, "comment": 0.5, "notes": 0.5, "note": 0.5,
	},
	Title: {
		"title": 1, "summary": 0.8, "shortdescription": 0.7, "label": 0.6,
		"name": 0.5, "caption": 0.6, "heading": 0.6,
	},
}

// StatusOf reads an HTTP status from text: "400", "400 Bad Request",
// "HTTP 400", "HTTP/1.1 400 Bad Request", or a standard reason phrase
// alone ("Not Found", "NOT_FOUND" is not one). exact is true when text is
// only digits. It returns 0 when text holds none.
func StatusOf(text string) (status int, exact bool) {
	t := strings.TrimSpace(text)
	if isDigits(t) {
		if len(t) > 4 {
			return 0, false
		}
		n, _ := strconv.Atoi(t)
		return n, true
	}
	if len(t) >= 4 && strings.EqualFold(t[:4], "HTTP") {
		u := t[4:]
		if strings.HasPrefix(u, "/") {
			u = strings.TrimLeft(u[1:], "0123456789.") // a version
		}
		u = strings.TrimLeft(u, " :")
		if u == "" {
			return 0, false
		}
		t = t[len(t)-len(u):]
	}
	if len(t) >= 3 && isDigits(t[:3]) && (len(t) == 3 || strings.IndexByte(" \t-:(", t[3]) >= 0 || t[3] >= 0x80) {
		n, _ := strconv.Atoi(t[:3])
		rest := strings.TrimSpace(t[3:])
		if rest == "" || reasonWord(rest) {
			return n, false
		}
		return 0, false
	}
	// Reason phrases are short words: skip the allocation for the rest.
	if t != "" && len(t) <= 40 && t[0] >= 'A' && t[0] <= 'Z' && strings.IndexFunc(t, unicode.IsLower) >= 0 {
		if n, ok := reasons[Normalize(t)]; ok {
			return n, false
		}
	}
	return 0, false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// reasonWord: the rest after a status is a reason phrase, "Bad Request",
// "- Bad Request", "(Bad Request)": it starts with a letter once
// punctuation is dropped.
func reasonWord(rest string) bool {
	rest = strings.TrimLeft(rest, " -–—:(")
	if rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLetter(r)
}

// KnownStatus reports whether net/http names status n.
func KnownStatus(n int) bool { _, ok := statusText[n]; return ok }

// reasons maps normalised reason phrases to their status.
var reasons = func() map[string]int {
	m := map[string]int{}
	for n, t := range statusText {
		m[Normalize(t)] = n
	}
	return m
}()

// Describe lists up to max field names of cols for messages:
// "/code, /message, /status".
func Describe(cols []Column, limit int) string {
	var ps []string
	for i, c := range cols {
		if i == limit {
			ps = append(ps, fmt.Sprintf("… (%d in all)", len(cols)))
			break
		}
		ps = append(ps, c.Pointer)
	}
	return strings.Join(ps, ", ")
}
