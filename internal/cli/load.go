package cli

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/errgen/errgen/catalog"
	"github.com/errgen/errgen/internal/build"
	"github.com/errgen/errgen/internal/config"
)

// configFlags are the flags of the verbs that read a config.
type configFlags struct {
	config    string
	out       string
	templates string
	// cfg is the config load read.
	cfg *config.Config
}

func (c *configFlags) register(inv *invocation, withOut bool) {
	inv.flags.StringVar(&c.config, "config", "", "the config to read (default: ./errgen.yaml if present, else ./sources/errgen.yaml)")
	if withOut {
		inv.flags.StringVar(&c.out, "out", "", "output root (default: the config's out, relative to the config)")
	}
}

// registerTemplates adds -templates, for the verbs that emit outputs.
func (c *configFlags) registerTemplates(inv *invocation) {
	inv.flags.StringVar(&c.templates, "templates", "", "a directory of Markdown templates (catalog.md.tmpl, index.md.tmpl, operations.md.tmpl) that replace errgen's own; check needs the same one as generate")
}

// load reads the config and parses the sources of ids (all when none),
// printing the parsers' warnings.
func (c *configFlags) load(inv *invocation, ids ...string) (*config.Config, []build.Loaded, error) {
	cfg, err := c.loadConfig()
	if err != nil {
		return nil, nil, err
	}
	c.cfg = cfg
	loaded, err := build.Load(cfg, ids...)
	if err != nil {
		return nil, nil, err
	}
	for _, l := range loaded {
		printWarnings(inv.stderr, l.Report)
	}
	return cfg, loaded, nil
}

// emit loads every catalog of the config and returns the output root
// (-out, or the config's) and the files generate writes there.
func (c *configFlags) emit(inv *invocation) (out string, files map[string][]byte, loaded []build.Loaded, err error) {
	cfg, loaded, err := c.load(inv)
	if err != nil {
		return "", nil, nil, err
	}
	out = c.out
	if out == "" {
		out = cfg.OutDir()
		// A link that takes the config's out out of the tree is the
		// first thing to report, before emitting reads go.mod files
		// through it; an out that does not exist yet is fine here.
		root, err := cfg.OpenOut(false)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", nil, nil, err
		}
		if root != nil {
			root.Close()
		}
	}
	if files, err = build.EmitWith(cfg, loaded, out, build.EmitOptions{Templates: c.templates}); err != nil {
		return "", nil, nil, err
	}
	return out, files, loaded, nil
}

func printWarnings(w io.Writer, r *catalog.Report) {
	if r == nil {
		return
	}
	for _, d := range r.Warnings {
		printLines(w, "errgen: warning: ", d.Error())
	}
}

// defaultConfig finds the config when -config is not given: errgen.yaml in
// the current directory, as a downstream repository keeps it, else
// sources/errgen.yaml, errgen's own layout.
func defaultConfig() string {
	for _, p := range DefaultConfigs {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return DefaultConfigs[len(DefaultConfigs)-1]
}

// loadConfig reads -config, or the default config.
func (c *configFlags) loadConfig() (*config.Config, error) {
	if c.config == "" {
		c.config = defaultConfig()
	}
	return config.Load(c.config)
}
