.PHONY: setup test sample lint bench package
setup:
	bash scripts/setup.sh
test:
	bash scripts/test.sh
sample:
	bash scripts/run_sample.sh
lint:
	. scripts/env.sh && ruff check .
bench:
	bash bench/run.sh
package:
	bash scripts/package.sh
