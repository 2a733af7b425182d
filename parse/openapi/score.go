package openapi

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/parse/internal/fields"
)

// The code field is chosen on evidence, as a reader chooses it: the
// field's name, its type, the values it declares or shows, the words of
// its description, and whether the object it sits in reads as an error.
// Every scalar field of an error body, down to maxDepth, is a candidate;
// score gives each a score, or a verdict that it is something else (the
// status, a message, a discriminator), with the reasons in words.

// codeNames are the normalised names (fields.Normalize) that name a code,
// and how strongly: 1 strong … 0.3 weak. Weak names (below 0.6) need an
// object that reads as an error.
var codeNames = map[string]float64{
	"code": 1, "errorcode": 1, "errcode": 1, "errcd": 0.9, "errorcd": 0.9,
	"codename": 0.9, "errorkey": 0.8, "scimtype": 0.8, "faultcode": 0.8,
	"errortype": 0.8, "errorname": 0.7, "errorid": 0.7, "error": 0.6, "err": 0.6,
	"symbol": 0.5, "type": 0.4, "reason": 0.4, "key": 0.4, "kind": 0.4,
	"exception": 0.4, "identifier": 0.4, "id": 0.3, "name": 0.3,
}

// messageNames name the message, most likely first (among equal
// strengths, the earlier field wins).
var messageNames = map[string]float64{
	"message": 1, "errormessage": 1, "errmessage": 1, "errormsg": 1, "errmsg": 1,
	"msg": 0.9, "errorsummary": 0.9, "errordescription": 0.9, "errortext": 0.9,
	"messagetemplate": 0.9, "faultstring": 0.9, "detail": 0.8, "usermessage": 0.8,
	"errordetail": 0.8, "developermessage": 0.7, "details": 0.6, "text": 0.6,
	"title": 0.5, "description": 0.5, "summary": 0.5, "reason": 0.4, "error": 0.4,
}

// requestIDNames name the request ID, in order.
var requestIDNames = []string{"request_id", "requestId", "requestID", "RequestId", "trace_id", "traceId", "correlation_id", "correlationId"}

// statusNames name a field that holds the HTTP status.
var statusNames = map[string]bool{
	"status": true, "httpstatus": true, "statuscode": true, "httpstatuscode": true,
	"httpcode": true, "http": true, "httpresponsecode": true, "responsecode": true,
	"responsestatus": true,
}

// notCode are names that never carry the code, whatever else they say.
func notCode(nm string) bool {
	switch {
	case strings.HasSuffix(nm, "url"), strings.HasSuffix(nm, "uri"), strings.HasSuffix(nm, "link"),
		strings.HasSuffix(nm, "href"), strings.Contains(nm, "requestid"), strings.Contains(nm, "traceid"),
		strings.Contains(nm, "correlationid"), nm == "request", nm == "timestamp", nm == "time":
		return true
	}
	return false
}

// needsContext reports whether a field named nm is a code only in an
// object that reads as an error: all names but code and those that say
// error or fault (a type, an id, a session_token_exchange_code are codes
// of errors only).
func needsContext(nm string) bool {
	return nm != "code" && nm != "scimtype" && !strings.Contains(nm, "err") && !strings.Contains(nm, "fault")
}

// codeNameScore is how strongly the normalised name nm names a code.
func codeNameScore(nm string) float64 {
	if s, ok := codeNames[nm]; ok {
		return s
	}
	// apiCode, vendorErrorCode…; statusCode and httpCode are statuses.
	if strings.HasSuffix(nm, "code") && !statusNames[nm] && !strings.Contains(nm, "status") && !strings.Contains(nm, "http") {
		return 0.7
	}
	return 0
}

func messageNameScore(nm string) float64 {
	if s, ok := messageNames[nm]; ok {
		return s
	}
	if strings.HasSuffix(nm, "message") || strings.HasSuffix(nm, "msg") {
		return 0.8
	}
	return 0
}

var (
	// codePhrase: a description that calls the field a code.
	codePhrase = regexp.MustCompile(`(?i)\b(error|fault|failure|problem|exception)[ _-]?(code|type|kind|id|identifier|key|name)s?\b|\b(type|kind|class|category) of (the )?(error|fault|failure|problem)|\bcodes?\b|\bidentif(y|ies|ier|iers)\b|\bmachine[- ]readable\b|\bproblem type\b`)
	// statusPhrase: a description that calls a number the HTTP status.
	statusPhrase = regexp.MustCompile(`(?i)\b(http|status)\b`)
	// messagePhrase: a description that calls the field text for people.
	messagePhrase = regexp.MustCompile(`(?i)\bhuman[- ]readable\b|\b(error )?message\b`)
	// errorWord: a schema whose name, title or description says error.
	errorWord = regexp.MustCompile(`(?i)(error|fault|failure|problem|exception)`)
)

// severities are the values of a message's level, not error codes.
var severities = map[string]bool{
	"info": true, "information": true, "informational": true, "warning": true, "warn": true,
	"error": true, "success": true, "debug": true, "fatal": true, "critical": true,
	"notice": true, "trace": true, "alert": true, "emergency": true, "ok": true,
}

// evidence is what the document says about one candidate field.
type evidence struct {
	ptr      string // body pointer
	name     string // the field's name
	typ      string // JSON type the schema documents, or the example's
	desc     string // its description (and title)
	declared []any  // enum and const values
	samples  []any  // example values
	depth    int    // levels below the top of the body
	errorish bool   // the object reads as an error
	problem  bool   // the object has RFC 9457's members
	message  bool   // the field is the given message pointer
}

// candidate is one scored field.
type candidate struct {
	evidence
	score float64
	// verdict is "code" for a code candidate, else what the field is
	// instead: "status", "message", "discriminator", "level", "none".
	verdict string
	why     []string
}

// String says the candidate and why, for explanations.
func (c candidate) String() string {
	s := c.ptr
	switch c.verdict {
	case "code":
		s += fmt.Sprintf(" (score %.2f", c.score)
	case "none":
		s += " (not a code"
	default:
		s += " (the " + c.verdict + ", not the code"
	}
	if len(c.why) > 0 {
		s += ": " + strings.Join(c.why, ", ")
	}
	return s + ")"
}

// threshold is the least score a code field needs.
const threshold = 0.25

// score weighs a field as the code.
func score(ev evidence) candidate {
	c := candidate{evidence: ev, verdict: "none"}
	nm := fields.Normalize(ev.name)
	ns := codeNameScore(nm)
	if ev.problem && nm == "type" {
		ns = 0.8 // RFC 9457: the problem type is the code
	}
	texts := make([]string, 0, len(ev.declared)+len(ev.samples))
	nums := 0
	for _, v := range slices.Concat(ev.declared, ev.samples) {
		t, ok := scalar(v)
		if !ok {
			continue
		}
		texts = append(texts, t)
		if _, isString := v.(string); !isString {
			nums++
		}
	}
	if ev.message {
		c.why = append(c.why, "it is the message pointer")
		c.verdict = "message"
		return c
	}
	if notCode(nm) {
		c.why = append(c.why, "named like a URL, timestamp or request ID")
		return c
	}
	numeric := ev.typ == "integer" || ev.typ == "number" || len(texts) > 0 && nums == len(texts)

	// The status: a number that is an HTTP status, or that its name or
	// description calls one; text that is a reason phrase.
	if st := statusesIn(texts); st != "" && (numeric || allReasons(texts) && messageNameScore(nm) == 0) {
		c.verdict = "status"
		if ev.typ != "" {
			c.why = append(c.why, ev.typ)
		}
		if ev.desc != "" {
			c.why = append(c.why, fmt.Sprintf("described as %q", clip(ev.desc)))
		}
		c.why = append(c.why, "values are HTTP statuses ("+st+")")
		return c
	}
	if numeric && (statusNames[nm] || statusPhrase.MatchString(ev.desc) && !codePhrase.MatchString(strings.ReplaceAll(strings.ToLower(ev.desc), "status code", ""))) {
		c.verdict = "status"
		if statusNames[nm] {
			c.why = append(c.why, "named like the HTTP status")
		}
		if ev.desc != "" {
			c.why = append(c.why, fmt.Sprintf("%s, described as %q", ev.typ, clip(ev.desc)))
		}
		return c
	}
	if statusNames[nm] {
		if len(texts) == 0 || !allTokens(texts) {
			c.verdict = "status"
			c.why = append(c.why, "named like the HTTP status")
			return c
		}
		// {"code": 404, "status": "NOT_FOUND"}: a status whose values are
		// codes.
		ns = 0.35
		c.why = append(c.why, "named like a status, but its values are codes")
	}
	// A message: values that read like sentences.
	if len(texts) > 0 && sentences(texts)*2 > len(texts) {
		c.verdict = "message"
		c.why = append(c.why, "values read like sentences")
		return c
	}
	if ns == 0 {
		if ev.desc != "" && codePhrase.MatchString(ev.desc) && messageNameScore(nm) == 0 {
			ns = 0.3
			c.why = append(c.why, fmt.Sprintf("described as %q", clip(ev.desc)))
		} else {
			return c
		}
	} else {
		switch {
		case ns >= 0.6:
			c.why = append(c.why, "named like a code")
		default:
			c.why = append(c.why, "named weakly like a code")
		}
	}
	if needsContext(nm) && !ev.errorish {
		c.why = append(c.why, "in an object that does not read as an error (no message field, no error in its name)")
		return c
	}
	if ns < 0.6 && len(ev.declared) == 1 && !ev.problem {
		c.verdict = "discriminator"
		t, _ := scalar(ev.declared[0])
		c.why = append(c.why, fmt.Sprintf("its one value %q tells the kind of object", t))
		return c
	}
	if levels := severityLevels(texts); len(levels) >= 2 {
		c.verdict = "level"
		c.why = append(c.why, "values are severity levels ("+strings.Join(levels, ", ")+")")
		return c
	}
	s := ns
	switch ev.typ {
	case "integer", "number":
		s *= 0.9
		c.why = append(c.why, ev.typ)
	case "string":
		c.why = append(c.why, "string")
	}
	switch {
	case len(ev.declared) >= 2:
		s *= 1.2
		c.why = append(c.why, fmt.Sprintf("declares %d values", len(ev.declared)))
	case len(ev.declared) == 1:
		c.why = append(c.why, "declares one value")
	case len(ev.samples) > 0:
		s *= 0.8
		c.why = append(c.why, "values only in examples")
	default:
		s *= 0.35
		c.why = append(c.why, "documents no values")
	}
	if len(texts) > 0 && !allTokens(texts) {
		s *= 0.7
		c.why = append(c.why, "values are not all single tokens")
	}
	if ev.desc != "" {
		switch {
		case codePhrase.MatchString(ev.desc):
			s *= 1.25
			c.why = append(c.why, fmt.Sprintf("described as %q", clip(ev.desc)))
		case messagePhrase.MatchString(ev.desc) && ns < 0.6:
			s *= 0.5
			c.why = append(c.why, fmt.Sprintf("but described as %q", clip(ev.desc)))
		}
	}
	for range ev.depth {
		s *= 0.9
	}
	c.score = s
	if s >= threshold {
		c.verdict = "code"
	} else {
		c.why = append(c.why, fmt.Sprintf("score %.2f is below %.2f", s, threshold))
	}
	return c
}

// statusesIn lists the texts that are HTTP statuses 100–599 (numbers, or
// reason phrases such as "Not Found"), "" unless all of them are.
func statusesIn(texts []string) string {
	if len(texts) == 0 {
		return ""
	}
	var out []string
	for _, t := range texts {
		n, _ := fields.StatusOf(t)
		if n < 100 || n > 599 || !fields.KnownStatus(n) {
			return ""
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, ", ")
}

func allReasons(texts []string) bool {
	for _, t := range texts {
		if n, exact := fields.StatusOf(t); n == 0 || exact {
			return false
		}
	}
	return true
}

func allTokens(texts []string) bool {
	for _, t := range texts {
		if utf8.RuneCountInString(t) > 80 || strings.IndexFunc(t, unicode.IsSpace) >= 0 {
			return false
		}
	}
	return true
}

// sentences counts the texts that read like sentences: words with
// blanks that end like a sentence or run to three words.
func sentences(texts []string) int {
	n := 0
	for _, t := range texts {
		t = strings.TrimSpace(t)
		words, in := 0, false
		for _, r := range t {
			switch {
			case unicode.IsSpace(r):
				in = false
			case !in:
				in = true
				words++
			}
		}
		if words >= 3 || words == 2 && strings.ContainsAny(t[len(t)-1:], ".!?") {
			n++
		}
	}
	return n
}

// severityLevels returns the distinct texts, sorted, when all are
// severity levels; nil otherwise (at the first that is not).
func severityLevels(texts []string) []string {
	var out []string
	for _, t := range texts {
		if !severities[t] && !severities[strings.ToLower(t)] {
			return nil
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

// clip shortens a description for messages: its first line, at most 80
// characters.
func clip(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if utf8.RuneCountInString(s) > 80 {
		r := []rune(s)
		s = string(r[:77]) + "…"
	}
	return s
}

// reasonStatus maps a normalised reason phrase to its status, for codes
// that name one: not_found, TooManyRequests, PRECONDITION_FAILED. A few
// short forms real APIs use are added: unavailable (503), internal,
// internal_error and server_error (500), redirect (a 3xx).
var reasonStatus = func() map[string]int {
	m := map[string]int{}
	for n := 100; n <= 599; n++ {
		if t := http.StatusText(n); t != "" {
			m[fields.Normalize(t)] = n
		}
	}
	for k, n := range map[string]int{
		"unavailable": 503, "internal": 500, "internalerror": 500, "servererror": 500,
		"internalservererror": 500, "redirect": 300, "toomanyrequest": 429,
		"unauthorised": 401, "methodnotsupported": 405,
	} {
		m[k] = n
	}
	return m
}()

// namedStatus is the status a code names by its reason phrase, tolerant
// of case and separators ("not_found", "NotFound", "NOT-FOUND" name 404),
// or by its number ("404"); 0 when it names none.
func namedStatus(code string) int {
	if len(code) == 3 {
		if n, err := strconv.Atoi(code); err == nil && n >= 100 && n <= 599 && http.StatusText(n) != "" {
			return n
		}
	}
	if len(code) > 40 {
		return 0
	}
	// fields.Normalize without its allocation: this runs for every code.
	var buf [40]byte
	n := 0
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			buf[n] = c
			n++
		case c >= 'A' && c <= 'Z':
			buf[n] = c + 'a' - 'A'
			n++
		case c >= utf8.RuneSelf:
			return reasonStatus[fields.Normalize(code)]
		}
	}
	return reasonStatus[string(buf[:n])]
}

// successCode reports whether a code names a 1xx–3xx status: created,
// accepted, no_content, not_modified, redirect, ok… are no errors.
func successCode(code string) bool {
	n := namedStatus(code)
	return n >= 100 && n < 400
}
