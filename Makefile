# errgen's everyday commands. CI runs .ci/run, which uses the same ones.
GO ?= go

.PHONY: generate check test bench scale update-golden fuzz

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
	$(GO) test -run '^$$' -bench . -benchmem ./apierr/... ./parse/... ./emit/... ./diff/... ./internal/generatedtest/...

# Generation at scale (issue 12): errgen generate on synthetic configs of
# 5,000 and 50,000 codes and 100 catalogs of 500 (time and peak RSS of
# each stage, checked against the budget), the compile time and binary
# size of a 50,000-code package against the floor, and the benchmarks.
# Minutes and gigabytes: not part of test or CI.
scale:
	ERRGEN_SCALE=1 $(GO) test -run '^TestScale(Compile)?$$' -v -count=1 -timeout 90m ./internal/build
	$(GO) test -run '^$$' -bench 'Generate|GofmtFloor|Load50k|Write50k' -benchtime 3x -benchmem -timeout 60m ./internal/build
	$(GO) test -run '^$$' -bench 'Emit50k' -benchtime 3x -benchmem ./emit/openapi ./emit/markdown

# Rewrite golden files after an intended change; review the diff.
# Only the packages with golden files take -update.
GOLDEN := ./parse/htmltable ./parse/markdown ./parse/data ./parse/internal/sections ./parse/openapi ./parse/scimdoc ./emit/gopkg ./emit/openapi ./emit/markdown ./internal/mdtext ./diff
update-golden:
	$(GO) test $(GOLDEN) -update
	$(GO) run ./cmd/errgen generate

# One minute per fuzz target (go test -fuzz takes one target at a time).
fuzz:
	$(GO) test ./parse/htmltable -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 60s
	$(GO) test ./parse/openapi -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./apierr -run '^$$' -fuzz '^FuzzLookup$$' -fuzztime 60s -fuzzminimizetime 5s
	$(GO) test ./apierr -run '^$$' -fuzz '^FuzzSCIMDecode$$' -fuzztime 60s -fuzzminimizetime 5s
	$(GO) test ./apierr -run '^$$' -fuzz '^FuzzParseAll$$' -fuzztime 60s -fuzzminimizetime 5s
	$(GO) test ./apierr -run '^$$' -fuzz '^FuzzTable$$' -fuzztime 60s -fuzzminimizetime 5s
	$(GO) test ./apierr -run '^$$' -fuzz '^FuzzPlaceholders$$' -fuzztime 60s
	$(GO) test ./apierr -run '^$$' -fuzz '^FuzzMatch$$' -fuzztime 60s
	$(GO) test ./apierr -run '^$$' -fuzz '^FuzzRetryAfter$$' -fuzztime 60s
	$(GO) test ./internal/generatedtest -run '^$$' -fuzz '^FuzzSCIMParse$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/scimdoc -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/htmltable -run '^$$' -fuzz '^FuzzGrid$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/internal/htmlsafe -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./apierr -run '^$$' -fuzz '^FuzzMatchNaive$$' -fuzztime 60s
	$(GO) test ./internal/fetch -run '^$$' -fuzz '^FuzzRetryAfter$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/catalogyaml -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./internal/textenc -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime 60s
	$(GO) test ./diff/report -run '^$$' -fuzz '^FuzzMarkdownCell$$' -fuzztime 60s
	$(GO) test ./internal/textsafe -run '^$$' -fuzz '^FuzzInert$$' -fuzztime 60s
	$(GO) test ./internal/mdtext -run '^$$' -fuzz '^FuzzEscapers$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./emit/openapi -run '^$$' -fuzz '^FuzzHiddenYAML$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./catalog -run '^$$' -fuzz '^FuzzConfusables$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./internal/build -run '^$$' -fuzz '^FuzzParseList$$' -fuzztime 60s
	$(GO) test ./internal/build -run '^$$' -fuzz '^FuzzWriteManifest$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./internal/config -run '^$$' -fuzz '^FuzzRelPath$$' -fuzztime 60s
	$(GO) test ./internal/textsafe -run '^$$' -fuzz '^FuzzEscape$$' -fuzztime 60s
	$(GO) test ./internal/yamlerr -run '^$$' -fuzz '^FuzzMessage$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/markdown -run '^$$' -fuzz '^FuzzMarkdown$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/internal/sections -run '^$$' -fuzz '^FuzzSections$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/data -run '^$$' -fuzz '^FuzzData$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/internal/fields -run '^$$' -fuzz '^FuzzBodies$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/internal/table -run '^$$' -fuzz '^FuzzRead$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/htmltable -run '^$$' -fuzz '^FuzzReadTables$$' -fuzztime 60s -fuzzminimizetime 0
	$(GO) test ./parse/openapi -run '^$$' -fuzz '^FuzzKeyTree$$' -fuzztime 60s
