package textsafe

import "net/url"

// WebURL reports whether u may become a live link in a published page: an
// absolute http or https URL with a host, and nothing [Clean] would reject.
// Any other scheme is refused, not just the known-bad ones: javascript:,
// data: and vbscript: run in a reader's browser, file: and custom schemes
// reach into the reader's machine, and a relative "URL" in a catalog means
// nothing outside the file it came from. Callers show a refused URL as
// escaped text, never as a link.
func WebURL(u string) bool {
	if !Clean(u) {
		return false
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || p.Opaque != "" {
		return false
	}
	return p.Scheme == "http" || p.Scheme == "https"
}
