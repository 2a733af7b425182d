package mdtext

import "testing"

func TestGitHubCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"ping @octocat", "ping `@`octocat"},
		{"fixes #123", "fixes `#`123"},
		{"owner/repo#9", "owner/repo`#`9"},
		{"@#0", "`@#`0"}, // adjacent spans would merge: one span
		{"a#b # 1", "a#b # 1"},
		{"a@b.example", "a`@`b.example"},
		{"*x* @y", `\*x\* ` + "`@`y"},
		// GH-123 links like #123; its letters in code are enough.
		{"see GH-123", "see `GH-`123"},
		{"gh-7.", "`gh-`7."},
		{"GH-x GH- 1", "GH-x GH- 1"},
		// A bare commit SHA: 7 to 40 hexadecimal digits as a whole word.
		{"fixed in deadbee", "fixed in `deadbee`"},
		{"1234567, DEADBEEF0123", "`1234567`, `DEADBEEF0123`"},
		{"0123456789012345678901234567890123456789", "`0123456789012345678901234567890123456789`"},
		{"01234567890123456789012345678901234567890", "01234567890123456789012345678901234567890"}, // 41: no SHA
		{"123456 abcdefg xdeadbeef IAM.0001234x", "123456 abcdefg xdeadbeef IAM.0001234x"},
		{"deadbeef_1", "`deadbeef`\\_1"},
		{"IAM.0001234", "IAM.`0001234`"},
		// owner/repo@sha and owner/repo#123: the '@' or '#' and the
		// SHA after it make one span.
		{"owner/repo@deadbeef", "owner/repo`@deadbeef`"},
		{"owner/repo#123", "owner/repo`#`123"},
		{"@deadbeef#1", "`@deadbeef#`1"},
	} {
		if got := GitHubCell(tc.in); got != tc.want {
			t.Errorf("GitHubCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
