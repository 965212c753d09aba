"""``make generate`` and the drift half of ``make check``.

The generator renders the whole stock package into a scratch folder; of that, only the files
the spec derives (those that carry the generated-file marker: endpoint modules, models, enums,
package metadata) plus the job-state table are kept. They replace the generated files of the
output folder; the hand-written files beside them are never touched, and a generated file that
would land on a hand-written one stops generation. Same inputs, same bytes.

Usage:
    python -m tools.generate OUT           write the generated files into OUT (generated_client)
    python -m tools.generate --check OUT   fail with a diff when OUT's generated files are stale
"""

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from tools import check_generator_config, job_state_table
from tools.generated_files import SPEC_NAME, generated_files, is_generated

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
PACKAGE = "fireworks_rft_client"
# The folders of the package that hold only what the spec derives: a file there without the
# marker means a template override lost it (or a stock template rendered a new kind of file).
DERIVED_DIRS = ("models", "api")


class GenerateError(Exception):
    """Generation failed; the message says why and what to do."""


def _toolchain_env() -> dict[str, str]:
    """The generator runs its post hooks (ruff) from PATH and only warns when ruff is missing."""
    if shutil.which("ruff", path=str(BIN)) is None or not (BIN / "openapi-python-client").exists():
        raise GenerateError("the pinned toolchain is missing from .venv; run 'make generate'")
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    env["RUFF_NO_CACHE"] = "true"  # no .ruff_cache/ inside the output
    env["COLUMNS"] = "1000"  # the generator's traceback keeps the template's error message on one line
    return env


def render(root: Path = ROOT) -> dict[str, bytes]:
    """``{relative path: content}`` of every generated file, rendered from the spec in ``root``."""
    spec = yaml.safe_load((root / SPEC_NAME).read_text())
    try:
        table = job_state_table.render(spec)
    except job_state_table.SpecError as exc:
        raise GenerateError(f"{SPEC_NAME}: {exc}") from None
    return render_package(
        root / SPEC_NAME,
        config=root / "generator-config.yaml",
        templates=root / "templates",
        extra={f"{PACKAGE}/{job_state_table.MODULE.split('/', 1)[1]}": table},
    )


def render_package(
    spec: Path, *, config: Path, templates: Path, package: str = PACKAGE, extra: dict[str, str] | None = None
) -> dict[str, bytes]:
    """The generated files of ``spec`` rendered with ``templates``, plus the ``extra`` modules."""
    env = _toolchain_env()
    unknown = check_generator_config.unknown_keys(config)
    if unknown:
        raise GenerateError(f"{config.name}: unknown key(s) {', '.join(unknown)}; the generator would ignore them")
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out"
        run = subprocess.run(
            [
                str(BIN / "openapi-python-client"),
                "generate",
                f"--path={spec}",
                f"--config={config}",
                f"--custom-template-path={templates}",
                "--meta=pdm",
                f"--output-path={out}",
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        log = run.stdout + run.stderr
        if run.returncode != 0 or not out.exists():
            raise GenerateError(f"the generator failed:\n{_unsupported_shape(log) or log}")
        # It exits 0 after warnings ("some pieces may be missing"): treat them as errors.
        if "warning" in log.lower():
            raise GenerateError(f"the generator warned; fix the spec or the config:\n{log}")
        for name, source in (extra or {}).items():
            (out / name).write_text(source)
        # Belt and braces: the hooks must have formatted the output, the extra modules included.
        subprocess.run([str(BIN / "ruff"), "format", "--quiet", "."], cwd=out, env=env, check=True)
        lint = subprocess.run([str(BIN / "ruff"), "check", "--quiet", "."], cwd=out, env=env, capture_output=True)
        if lint.returncode != 0:
            raise GenerateError(f"the generated code fails ruff:\n{lint.stdout.decode()}")
        unmarked = [
            path.relative_to(out).as_posix()
            for folder in DERIVED_DIRS
            for path in sorted((out / package / folder).rglob("*.py"))
            if not is_generated(path)
        ]
        if unmarked:
            raise GenerateError(
                f"no generated-file marker in {', '.join(unmarked)}: the template that wrote them needs "
                "an override in templates/ that starts with templates/generated.jinja's marker"
            )
        return generated_files(out)


def _unsupported_shape(log: str) -> str | None:
    """The model template stops on a schema shape it cannot check by including a template
    named after the problem (Jinja has no raise); turn the TemplateNotFound into that message."""
    for line in reversed(log.splitlines()):
        if "TemplateNotFound:" in line and "unsupported schema shape" in line:
            return line.split("TemplateNotFound:", 1)[1].strip()
    return None


def write(generated: dict[str, bytes], out: Path) -> list[str]:
    """Replace the generated files of ``out`` with ``generated``; returns the stale ones removed."""
    clashes = [name for name in generated if (out / name).exists() and not is_generated(out / name)]
    if clashes:
        raise GenerateError(
            f"refusing to overwrite hand-written file(s) in {out.name}/: {', '.join(clashes)} "
            "(the spec now derives them; rename the hand-written module or change the spec)"
        )
    stale = sorted(set(generated_files(out)) - set(generated)) if out.exists() else []
    for name in stale:
        (out / name).unlink()
    for name, content in generated.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != content:
            target.write_bytes(content)
    return stale


def drift(generated: dict[str, bytes], out: Path) -> str:
    """A unified diff of ``out``'s generated files against ``generated``; empty when in sync."""
    committed = generated_files(out)
    lines: list[str] = []
    for name in sorted(set(generated) | set(committed)):
        old = committed.get(name, b"").decode().splitlines(keepends=True)
        new = generated.get(name, b"").decode().splitlines(keepends=True)
        lines += difflib.unified_diff(old, new, f"{out.name}/{name}", f"generated/{name}")
    return "".join(lines)


def main(argv: list[str]) -> int:
    check = argv[:1] == ["--check"]
    args = argv[1:] if check else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(args[0])
    try:
        generated = render()
        if not check:
            for name in write(generated, out):
                print(f"generate: removed {out.name}/{name} (the spec no longer derives it)")
            return 0
        diff = drift(generated, out)
    except GenerateError as error:
        print(f"generate: {error}", file=sys.stderr)
        return 1
    if diff:
        print(diff[:20000])
        print(
            f"check: the generated files of {out}/ differ from what the spec generates (stale, or edited by hand): "
            "run 'make generate' and commit the result.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
