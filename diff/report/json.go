package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/errgen/errgen/diff"
	"github.com/errgen/errgen/internal/textsafe"
)

// FormatVersion is the version of the json format; it changes only
// together with report.schema.json.
const FormatVersion = 1

type jsonChange struct {
	diff.Change
	Message string `json:"message"`
}

type jsonIgnored struct {
	jsonChange
	IgnoredBy diff.IgnoreRule `json:"ignored_by"`
}

type jsonSummary struct {
	Changes int       `json:"changes"`
	ERR     int       `json:"ERR"`
	WARN    int       `json:"WARN"`
	INFO    int       `json:"INFO"`
	Ignored int       `json:"ignored"`
	FailOn  string    `json:"fail_on"`
	Failed  bool      `json:"failed"`
	Bump    diff.Bump `json:"bump"`
}

type jsonReport struct {
	Format         int               `json:"format"`
	Catalogs       []diff.Compared   `json:"catalogs"`
	Changes        []jsonChange      `json:"changes"`
	Ignored        []jsonIgnored     `json:"ignored"`
	ExpiredIgnores []diff.IgnoreRule `json:"expired_ignores"`
	UnusedIgnores  []diff.IgnoreRule `json:"unused_ignores"`
	Summary        jsonSummary       `json:"summary"`
}

func writeJSON(w io.Writer, r *diff.Result, opts Options) error {
	out := jsonReport{
		Format:         FormatVersion,
		Catalogs:       r.Catalogs,
		Changes:        []jsonChange{},
		Ignored:        []jsonIgnored{},
		ExpiredIgnores: r.Expired,
		UnusedIgnores:  r.Unused,
		Summary: jsonSummary{
			Changes: len(r.Changes),
			ERR:     r.Count(diff.Err),
			WARN:    r.Count(diff.Warn),
			INFO:    r.Count(diff.Info),
			Ignored: len(r.Ignored),
			FailOn:  opts.FailOn.String(),
			Failed:  r.Fails(opts.FailOn),
			Bump:    r.Bump(),
		},
	}
	if out.Catalogs == nil {
		out.Catalogs = []diff.Compared{}
	}
	if out.ExpiredIgnores == nil {
		out.ExpiredIgnores = []diff.IgnoreRule{}
	}
	if out.UnusedIgnores == nil {
		out.UnusedIgnores = []diff.IgnoreRule{}
	}
	for _, c := range r.Changes {
		out.Changes = append(out.Changes, jsonChange{c, diff.Describe(c)})
	}
	for _, c := range r.Ignored {
		out.Ignored = append(out.Ignored, jsonIgnored{jsonChange{c.Change, diff.Describe(c.Change)}, c.By})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	// encoding/json escapes C0 controls, U+2028 and U+2029 but leaves
	// bidi controls and C1 raw; textsafe.JSON escapes them too, which
	// decodes to the same value.
	_, err := w.Write(textsafe.JSON(buf.Bytes()))
	return err
}
