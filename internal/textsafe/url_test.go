package textsafe

import "testing"

func TestWebURL(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://support.huaweicloud.com/intl/en-us/api-identitycenter/ErrorCode.html", true},
		{"http://example.com", true},
		{"https://example.com/a?b=c#d", true},
		{"HTTPS://example.com/", true}, // url.Parse lower-cases the scheme
		{"javascript:alert(1)", false},
		{"JavaScript:alert(document.domain)//https://x", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox(1)", false},
		{"file:///etc/passwd", false},
		{"ftp://example.com/", false},
		{"//example.com/no-scheme", false},
		{"/relative/path", false},
		{"https:", false},
		{"https:///no-host", false},
		{"https://exa\u202emple.com/", false},
		{"https://example.com/\x00", false},
		{"https://example.com/a b", true}, // a blank is percent-encoded where it is linked
		{"https://example.com/a\nb", false},
		{"https://exa mple.com/", false},
		{"https://example.com/\xff", false},
		{"", false},
	} {
		if got := WebURL(tc.url); got != tc.ok {
			t.Errorf("WebURL(%q) = %v, want %v", tc.url, got, tc.ok)
		}
	}
}
