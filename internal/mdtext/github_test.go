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
	} {
		if got := GitHubCell(tc.in); got != tc.want {
			t.Errorf("GitHubCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
