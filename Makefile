# errgen's everyday commands. CI runs .ci/run, which uses the same ones.
GO ?= go

.PHONY: generate check test bench update-golden fuzz

# Regenerate generated/ from sources/ (sources/errgen.yaml).
generate:
	$(GO) run ./cmd/errgen generate

# Exit 1 when generated/ differs from what generate would write.
check:
	$(GO) run ./cmd/errgen check

test:
	$(GO) test ./...

# Benchmarks beside their baselines (bare html.Parse, json.Unmarshal).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./parse/... ./emit/... ./internal/generatedtest/...

# Rewrite golden files after an intended change; review the diff.
update-golden:
	$(GO) test ./parse/... ./emit/... -update
	$(GO) run ./cmd/errgen generate

fuzz:
	$(GO) test ./parse/htmltable -run '^$$' -fuzz FuzzParse -fuzztime 60s
