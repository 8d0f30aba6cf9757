GO ?= go
BIN := bin/pfasciilogd

.PHONY: build
build:
	$(GO) build -o $(BIN) ./cmd/pfasciilogd
