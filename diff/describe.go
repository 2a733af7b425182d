package diff

import (
	"fmt"
	"strings"
)

// Describe says in one line what a change is, for people; reports show
// the old and new texts beside it.
func Describe(c Change) string {
	switch c.Rule {
	case CodeRemoved:
		return fmt.Sprintf("%s is no longer documented", c.Code)
	case CodeAdded:
		return fmt.Sprintf("%s is newly documented", c.Code)
	case CodeRenamed:
		return fmt.Sprintf("%s is now %s (same statuses and messages)", c.Old, c.New)
	case CodePrefixRenamed:
		return fmt.Sprintf("every %s* code is now %s*", c.Old, c.New)
	case StatusChanged:
		return fmt.Sprintf("%s: status %s → %s", c.Code, c.Old, c.New)
	case StatusRemoved:
		return fmt.Sprintf("%s is no longer documented with status %s", c.Code, c.Old)
	case StatusAdded:
		return fmt.Sprintf("%s is now also documented with status %s", c.Code, c.New)
	case MessageParamsChanged:
		return fmt.Sprintf("%s: message placeholders %s → %s", c.Code, params(c.Old), params(c.New))
	case MessageReworded:
		return fmt.Sprintf("%s: message reworded", c.Code)
	case MessageAdded:
		return fmt.Sprintf("%s: another message documented for status %d", c.Code, c.Status)
	case MessageRemoved:
		return fmt.Sprintf("%s: one of its messages for status %d is no longer documented", c.Code, c.Status)
	case RetryableChanged:
		if c.New == "true" {
			return fmt.Sprintf("%s is now retryable: clients that honour Retryable() send the request again", c.Code)
		}
		return fmt.Sprintf("%s is no longer retryable: clients that honour Retryable() stop sending the request again", c.Code)
	}
	return fmt.Sprintf("%s: %s changed", c.Code, c.Field)
}

func params(t string) string {
	ps := placeholders(t)
	if len(ps) == 0 {
		return "(none)"
	}
	return strings.Join(ps, " ")
}

// ShowsTexts reports whether a report should show c's old and new texts
// under its description: for texts, not for codes, statuses and
// retryable, which the description already names.
func ShowsTexts(c Change) bool {
	return c.Field != "code" && c.Field != "status" && c.Field != "retryable"
}
