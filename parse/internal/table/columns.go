package table

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// role is the catalog field a column feeds.
type role int

const (
	extra role = iota
	status
	code
	message
	title
	description
	solution
	body // error bodies (JSON) the code, message and status are read from
)

var roleNames = [...]string{extra: "", status: "status", code: "code", message: "message", title: "title", description: "description", solution: "solution", body: "body"}

func (r role) String() string { return roleNames[r] }

// roleByName maps the role names Options.Columns uses to roles.
var roleByName = map[string]role{
	"status": status, "code": code, "message": message, "title": title,
	"description": description, "solution": solution, "body": body,
}

// synonyms maps a normalised header text (see headerKey) to its role. The
// match is exact, not by substring: "Error Code Description" is an extra
// column, not a second code column. Long vendor phrases are listed one by
// one, deliberately.
var synonyms = map[string]role{
	// status
	"status code":         status,
	"http status code":    status,
	"http status":         status,
	"status":              status,
	"httpcode":            status, // Alibaba Cloud API pages
	"http code":           status,
	"http状态码":             status,
	"http 状态码":            status,
	"状态码":                 status,
	"ステータスコード":            status,
	"httpステータスコード":        status,
	"http ステータスコード":       status,
	"response status":     status,
	"http status codes":   status,
	"http status code(s)": status,
	"status codes":        status,
	"status code(s)":      status,
	// code
	"error code":           code,
	"code":                 code,
	"error codes":          code,
	"response status code": code, // Huawei's SCIM tables: the HTTP status is a separate column
	"error":                code,
	"error name":           code,
	"errorcode":            code,
	"错误码":                  code,
	"错误代码":                 code,
	"エラーコード":               code,
	"error code name":      code,
	"返回码":                  code,
	"返回代码":                 code,
	// message
	"error message":  message,
	"message":        message,
	"status message": message, // a message, not a status
	"message displayed on the management console": message,
	"错误信息":     message,
	"エラーメッセージ": message,
	"メッセージ":    message,
	// title
	"title": title,
	// description
	"description":       description,
	"possible cause":    description,
	"error description": description,
	"描述":                description,
	"错误描述":              description,
	"説明":                description,
	"summary":           description, // Stripe
	"explanation":       description,
	"details":           description,
	"说明":                description, // Tencent Cloud
	"原因":                description, // the cause
	// solution
	"solution":            solution,
	"measure":             solution,
	"handling measure":    solution,
	"solution suggestion": solution,
	"handling suggestion": solution,
	"client action":       solution,
	"action":              solution,
	"resolution":          solution,
	"解决方案":                solution,
	"处理建议":                solution,
	"处理措施":                solution,
	"対処方法":                solution,
	// body: a column of error bodies, read by fields.Bodies
	"json":                   body,
	"response":               body,
	"response body":          body,
	"example":                body,
	"sample":                 body,
	"response example":       body,
	"example response":       body,
	"sample response":        body,
	"response sample":        body,
	"error response":         body,
	"error response body":    body,
	"example error response": body,
	"响应示例":                   body,
	"返回示例":                   body,
	"响应体":                    body,
	"レスポンス例":                 body,
	"レスポンスボディ":               body,
}

// expectedCode lists the code column's commonest synonyms for messages.
const expectedCode = `"Error Code", "Code", "Error Codes" or "Response Status Code"`

// expectedStatus lists the status column's commonest synonyms.
const expectedStatus = `"Status Code", "HTTP Status Code", "HTTP Status" or "Status"`

// expectedStatusForms says which status cells Read reads.
const expectedStatusForms = `expected an HTTP status such as 400, "400 Bad Request", "Conflict (409)" or "400, 403"`

// headerKey normalises a header text for synonym lookup: case and
// whitespace do not matter, nor does a trailing colon ("Error Code:").
func headerKey(h string) string {
	h = strings.ToLower(strings.Join(strings.Fields(h), " "))
	for {
		t := strings.TrimSpace(strings.TrimRight(h, ":："))
		if t == h {
			return h
		}
		h = t
	}
}

// fieldHeaders are the first-column headers of a table documenting the
// fields of an error body.
var fieldHeaders = map[string]bool{
	"property": true, "parameter": true, "field": true, "name": true, "attribute": true,
	"field name": true, "parameter name": true, "property name": true,
	"参数": true, "参数名": true, "参数名称": true, "字段": true, "字段名": true, "名称": true, "属性": true,
	"パラメータ": true, "パラメーター": true, "パラメータ名": true, "フィールド": true, "名前": true, "項目": true, "属性名": true,
}

// bodyFields are the field names of error bodies, lower case without "_"
// and "-": what a field table lists and a code table does not.
var bodyFields = map[string]bool{
	"code": true, "errorcode": true, "errcode": true, "error": true, "errors": true,
	"message": true, "errormessage": true, "errormsg": true, "errmsg": true, "msg": true,
	"errordescription": true, "requestid": true, "traceid": true, "correlationid": true,
	"details": true, "detail": true, "status": true, "statuscode": true, "scimtype": true,
	"schemas": true, "timestamp": true, "hostid": true, "recommend": true, "errorinfo": true,
}

// column is what one column of a table feeds.
type column struct {
	header string // the header text, single-line
	role   role
	name   string // the Extra key, for role == extra
}

// override is one entry of Options.Columns.
type override struct {
	role  role
	sel   string // as the user wrote it
	index int    // 1-based, or 0 for a header selector
	key   string // headerKey of a header selector
}

// parseColumns reads Options.Columns, in role order so messages do not
// depend on map order.
func parseColumns(m map[string]string) ([]override, error) {
	var ovs []override
	for name, sel := range m {
		r, ok := roleByName[strings.ToLower(strings.TrimSpace(name))]
		if !ok {
			return nil, fmt.Errorf("unknown column role %q; expected code, status, message, title, description, solution or body", name)
		}
		o := override{role: r, sel: sel}
		s := strings.TrimSpace(sel)
		switch {
		case s == "":
			return nil, fmt.Errorf("column %s=%q names no column; expected a header text or a column number from 1", name, sel)
		case strings.Trim(s, "0123456789") == "":
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > maxColumnIndex {
				return nil, fmt.Errorf("column %s=%q is not a column number from 1 to %d", name, sel, maxColumnIndex)
			}
			o.index = n
		default:
			o.key = headerKey(s)
		}
		ovs = append(ovs, o)
	}
	slices.SortFunc(ovs, func(a, b override) int { return int(a.role) - int(b.role) })
	return ovs, nil
}

// maxColumnIndex bounds a column number in Options.Columns; no table is
// wider (htmltable clamps at 1000).
const maxColumnIndex = 1 << 16

// match returns the 0-based column o selects in headers, or -1.
func (o override) match(headers []string) int {
	if o.index > 0 {
		if o.index <= len(headers) {
			return o.index - 1
		}
		return -1
	}
	for x, h := range headers {
		if headerKey(h) == o.key {
			return x
		}
	}
	return -1
}

func (o override) String() string {
	return fmt.Sprintf("%s=%q", o.role, o.sel)
}

// layout is what the column logic makes of a table.
type layout struct {
	cols     []column
	warnings []string     // decisions by content, said once per table read
	note     string       // why the table is not an error-code table, by content
	err      string       // two overrides on one column
	bodyCol  int          // the body column's index, -1 for none
	bodies   []cellBodies // the body column's bodies, one per row of the table
}

func (l *layout) col(r role) int {
	for x, c := range l.cols {
		if c.role == r {
			return x
		}
	}
	return -1
}

// analyse gives every column of t a role: overrides first, then header
// synonyms corrected by content, the first column of a role winning.
func analyse(t *Table, ovs []override, budget *int) *layout {
	l := &layout{bodyCol: -1}
	n := len(t.Header)
	guess := make([]role, n)
	for x, h := range t.Header {
		guess[x] = synonyms[headerKey(h)]
	}
	roles := make([]role, n)
	fixed := make([]bool, n)
	taken := map[role]bool{}
	for _, o := range ovs {
		x := o.match(t.Header)
		if x < 0 {
			continue
		}
		if fixed[x] {
			l.err = fmt.Sprintf("columns %s=%q and %s=%q select the same column %d %q", roles[x], ovSel(ovs, roles[x]), o.role, o.sel, x+1, t.Header[x])
		}
		roles[x], fixed[x], taken[o.role] = o.role, true, true
	}

	statusByHeader := -1
	for x := range n {
		if !fixed[x] && guess[x] == status && statusByHeader < 0 {
			statusByHeader = x
		}
	}
	// A code column of HTTP statuses is the status when nothing else is:
	// a reader of "Error Code: 400, 404" sees statuses, whatever the header.
	if !taken[status] && statusByHeader < 0 {
		for x := range n {
			if !fixed[x] && guess[x] == code && holdsStatuses(t, x) {
				guess[x] = status
				l.warnings = append(l.warnings, fmt.Sprintf("column %d %q holds HTTP statuses; read as the status", x+1, t.Header[x]))
				break
			}
		}
	}
	names := ""
	if !taken[code] && !taken[body] {
		names = fieldNames(t)
	}
	if names != "" {
		// A table of an error body's fields: its "Code" and "Example"
		// columns describe fields, not errors.
		for x := range n {
			if !fixed[x] && (guess[x] == code || guess[x] == body) {
				guess[x] = extra
			}
		}
		l.note = fmt.Sprintf("column 1 %q lists the fields of an error body (%s), not error codes", t.Header[0], names)
	} else if !taken[body] {
		l.findBodies(t, guess, fixed, taken[code], budget)
	}
	for x := range n {
		if !fixed[x] && guess[x] == body && x != l.bodyCol {
			guess[x] = extra // a body column whose cells are not error bodies
		}
	}
	for x := range n {
		if fixed[x] || guess[x] == extra || taken[guess[x]] {
			continue
		}
		roles[x], taken[guess[x]] = guess[x], true
	}
	// A column of no role (or an Extra one) holding only HTTP statuses is
	// the status when no column is, in a table whose code is elsewhere:
	// "| Code | HTTP | Message |". Numeric codes are not 100–599, and a
	// column that also holds other values is left alone.
	if !taken[status] && slices.Contains(roles, code) {
		for x := range n {
			if !fixed[x] && roles[x] == extra && holdsStatuses(t, x) {
				roles[x], taken[status] = status, true
				l.warnings = append(l.warnings, fmt.Sprintf("column %d %q holds only HTTP statuses; read as the status", x+1, t.Header[x]))
				break
			}
		}
	}
	// A code column of statuses kept as the code beside the status column
	// (Huawei's SCIM table documents the body's status this way) is what
	// the header says, but a reader would look twice.
	if x, s := slices.Index(roles, code), slices.Index(roles, status); x >= 0 && s >= 0 && !fixed[x] && holdsStatuses(t, x) {
		l.warnings = append(l.warnings, fmt.Sprintf("column %d %q holds only HTTP statuses; read as the code, as its header says, since column %d %q is the status",
			x+1, t.Header[x], s+1, t.Header[s]))
	}
	if !taken[code] && l.note == "" {
		for x := range n {
			if roles[x] == status && guess[x] == status && synonyms[headerKey(t.Header[x])] == code {
				l.note = fmt.Sprintf("column %d %q holds HTTP statuses, and no column names the error code", x+1, t.Header[x])
			}
		}
	}

	if x := slices.Index(roles, body); x >= 0 && x != l.bodyCol {
		// The body column by Options.Columns.
		l.bodyCol = x
		l.bodies, _ = l.readBodies(t, x, budget)
	}

	used := map[string]int{}
	l.cols = make([]column, n)
	for x, h := range t.Header {
		l.cols[x] = column{header: h, role: roles[x]}
	}
	for x, h := range t.Header {
		// A body column's cell without a body keeps its text in Extra.
		if roles[x] == extra || roles[x] == body {
			l.cols[x].name = uniqueName(used, h, x)
		}
	}
	return l
}

func ovSel(ovs []override, r role) string {
	for _, o := range ovs {
		if o.role == r {
			return o.sel
		}
	}
	return ""
}

// holdsStatuses reports whether every non-empty value of column x is an
// HTTP status, 100–599, in a form parseStatuses reads ("400", "400 Bad
// Request", "Conflict (409)", "400, 403"), and at least one is an error
// status, 400–599: a column of 100, 200 and 300 is a column of numbers.
func holdsStatuses(t *Table, x int) bool {
	errorStatus := false
	for _, r := range t.Rows {
		if x >= len(r.Cells) || r.Cells[x].Text == "" {
			continue
		}
		ns, _, bad := parseStatuses(oneLine(r.Cells[x].Text))
		if bad != "" {
			return false
		}
		for _, n := range ns {
			if n < 100 || n > 599 {
				return false
			}
			errorStatus = errorStatus || n >= 400
		}
	}
	return errorStatus
}

// fieldNames returns, for a table documenting the fields of an error
// body, the body field names it lists (for the note); "" for any other
// table. Such a table has a first column headed like "Parameter" whose
// every value is an identifier, at least two of them (or all) names that
// error bodies use.
func fieldNames(t *Table) string {
	if len(t.Header) == 0 || !fieldHeaders[headerKey(t.Header[0])] {
		return ""
	}
	var known []string
	values := 0
	for _, r := range t.Rows {
		if len(r.Cells) == 0 || r.Cells[0].Text == "" {
			continue
		}
		v := r.Cells[0].Text
		if !isIdentifier(v) {
			return ""
		}
		values++
		if bodyFields[fieldKey(v)] && len(known) < 3 && !slices.Contains(known, v) {
			known = append(known, v)
		}
	}
	if len(known) >= 2 || values > 0 && len(known) == values {
		return strings.Join(known, ", ")
	}
	return ""
}

// isIdentifier reports whether s reads as a field name or path:
// "errorCode", "error_description", "error.details[0].code".
func isIdentifier(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for i, c := range s {
		switch {
		case c == '_' || c == '$' || c == '@' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' || c == '.' || c == '-' || c == '[' || c == ']' || c == '*' || c == '/':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// fieldKey is the last segment of a field path, lower case, without "_"
// and "-": "error.error_code" → "errorcode".
func fieldKey(s string) string {
	s = strings.TrimRight(s, "[]*0123456789.")
	if i := strings.LastIndexAny(s, "./"); i >= 0 {
		s = s[i+1:]
	}
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '-' {
			return -1
		}
		return r
	}, s)
}

// uniqueName returns the Extra key of column i (0-based) with header h.
// A column without header text is called "column N" after its 1-based
// position, so it still has a key a reader can find.
//
// used maps every name taken to the last n tried for it as a base, so
// that a thousand columns named alike cost a thousand tries, not half a
// million.
func uniqueName(used map[string]int, h string, i int) string {
	if h == "" {
		h = fmt.Sprintf("column %d", i+1)
	}
	name := h
	if n, taken := used[h]; taken {
		n = max(n, 1)
		for {
			n++
			name = fmt.Sprintf("%s (%d)", h, n)
			if _, taken := used[name]; !taken {
				break
			}
		}
		used[h] = n
	}
	used[name] = 0
	return name
}

// oneLine turns a cell's lines into one line.
func oneLine(s string) string {
	return strings.ReplaceAll(s, "\n", " ")
}

// isLetters reports whether s is letters only.
func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}
