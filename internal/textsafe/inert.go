package textsafe

import (
	"strings"
	"unicode"
)

// Inert returns s for one line of human-readable output that a terminal
// shows and a CI runner reads: escaped like [Line], so it holds no line
// break and no control character, and defused as a workflow command.
// GitHub's runner takes a line for a command when, after leading white
// space (any Unicode space), it starts with "::"; its legacy form, and
// Azure Pipelines', when "##[" or "##vso[" occurs anywhere in it. So a
// leading "::" is written "\x3a:", and "##" before "[" or "vso[" is
// written "#\x23".
//
// Inert may be applied to a whole output line or to each value in it;
// applied to the value that starts a line, it keeps vendor text from
// starting a command there.
func Inert(s string) string {
	return defuse(Line(s))
}

// InertCode is [Inert] for a line of code, such as a line of the unified
// diff errgen check prints of a generated Go file: tabs are kept, as the
// indentation they are (a tab neither breaks a line nor, being white
// space, hides a command from the check below); everything else is
// escaped and defused as Inert does.
func InertCode(s string) string {
	return defuse(strings.ReplaceAll(Escape(s), "\n", `\n`))
}

// defuse writes s, escaped, so that no CI runner reads it as a command.
func defuse(s string) string {
	if strings.Contains(s, "##") {
		s = defuseHashes(s)
	}
	body := strings.TrimLeftFunc(s, unicode.IsSpace)
	if strings.HasPrefix(body, "::") {
		lead := s[:len(s)-len(body)]
		s = lead + `\x3a` + body[1:]
	}
	return s
}

// defuseHashes writes as \x23 every '#' that follows a '#' and comes
// before "[" or "vso[" (any case): the second '#' of a legacy command.
func defuseHashes(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && i > 0 && s[i-1] == '#' && legacyCommand(s[i+1:]) {
			b.WriteString(`\x23`)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// legacyCommand reports whether rest, what follows "##", makes a legacy
// workflow command: "[" or "vso[" (any case).
func legacyCommand(rest string) bool {
	return strings.HasPrefix(rest, "[") || len(rest) >= 4 && strings.EqualFold(rest[:4], "vso[")
}
