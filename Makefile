# TalentBridge front door. `make help` lists the targets.
.DEFAULT_GOAL := help
.PHONY: help run test build debug bench format clean deps web

JOBS ?= 2
PORT ?= 8080
DB ?= sqlite:./data/talentbridge.db
RELEASE_BIN := ./build/release/talentbridge
FORMAT_DIRS := $(wildcard src tests bench)

help:
	@echo "TalentBridge — make targets:"
	@echo "  make run     install deps, build release (+ web app), start the demo server on :$(PORT)"
	@echo "  make test    scripts/test: deps, debug build (ASan/UBSan), private PostgreSQL, ctest, npm tests"
	@echo "  make build   release build (build/release/talentbridge)"
	@echo "  make debug   debug build with sanitizers (build/debug)"
	@echo "  make bench   build and run the benchmarks in bench/"
	@echo "  make format  clang-format -i every .cpp/.hpp under src/ tests/ bench/"
	@echo "  make clean   remove build/ and web/dist/ (keeps data/)"
	@echo "Variables: PORT=$(PORT) DB=$(DB) JOBS=$(JOBS)"

deps:
	scripts/install-deps

build:
	cmake --preset release
	cmake --build --preset release -j $(JOBS)

debug:
	cmake --preset debug
	cmake --build --preset debug -j $(JOBS)

web:
	@if [ -f web/package.json ]; then \
	  echo "npm --prefix web run build"; npm --prefix web run build; \
	else \
	  echo "no web/package.json: skipping the web app build"; \
	fi

run: deps
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory web
	mkdir -p data
	$(RELEASE_BIN) serve --demo --db $(DB) --port $(PORT) --web web/dist

test:
	scripts/test

bench:
	@if [ -f bench/CMakeLists.txt ]; then \
	  $(MAKE) --no-print-directory build || exit 1; \
	  found=0; \
	  for b in build/release/bench/*; do \
	    if [ -f "$$b" ] && [ -x "$$b" ]; then found=1; echo "==> $$b"; "$$b" || exit 1; fi; \
	  done; \
	  if [ $$found -eq 0 ]; then echo "no benchmark programs in build/release/bench/"; fi; \
	else \
	  echo "no benchmarks yet (bench/CMakeLists.txt does not exist)"; \
	fi

format:
	@files=$$(find $(FORMAT_DIRS) -type f \( -name '*.cpp' -o -name '*.hpp' \) 2>/dev/null); \
	if [ -n "$$files" ]; then \
	  echo "clang-format -i on $$(echo "$$files" | wc -l) files"; \
	  echo "$$files" | xargs clang-format -i; \
	else \
	  echo "nothing to format"; \
	fi

clean:
	rm -rf build web/dist
