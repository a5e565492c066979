# ImageBench. Quick start on a fresh Debian/Ubuntu machine with the .NET SDK: `make demo`, `make test`.
.PHONY: setup build demo test bench pack clean

CLI = dotnet src/ImageBench.Cli/bin/Release/net10.0/imagebench.dll

setup:
	@scripts/setup.sh

build: setup
	dotnet build ImageBench.sln -c Release --no-restore --nologo -v q

demo: build
	$(CLI) demo

test: setup
	@scripts/test.sh

bench: build
	dotnet run --project bench/ImageBench.Bench -c Release --no-build -- $(ARGS)

# The `imagebench` .NET tool and the ImageBench.Core library as NuGet packages in ./artifacts (README "Install").
pack: build
	@scripts/pack.sh artifacts

clean:
	dotnet clean ImageBench.sln --nologo -v q
	rm -rf runs artifacts
