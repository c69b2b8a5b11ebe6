"""Property tests: mutated fixtures through `convert` (bounded; scripts/fuzz.py runs thousands).

Hypothesis picks a fixture, a mutation (tests/mutate.py: bytes, lines, numbers, encodings,
control characters, nesting, long lines, column spacing) and a file name. Whatever it makes,
the command line raises nothing but ConversionError inside (shown as a message), never says
"internal error", leaves no partial or staging folder, writes well-formed XML and valid JSON,
and takes bounded time per document.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.cli import main
from converter.errors import ConversionError
from converter.extract import clean_text, extract_text
from converter.extract.reader import decode
from mutate import mutate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from fuzz import check_output  # noqa: E402

_SETTINGS = settings(max_examples=12, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(seed=st.integers(min_value=0, max_value=10**9), filing=st.booleans())
def test_convert_never_crashes_or_leaves_partial_output(tmp_path_factory, seed, filing):
    work = tmp_path_factory.mktemp("prop")
    name, data, encoding, file_name = mutate(seed)
    source = work / file_name.replace("/", "_")
    try:
        source.write_bytes(data)
    except OSError:
        source = work / "input.txt"
        source.write_bytes(data)
    args = ["convert", str(source), "--out", str(work / "out"), "--no-validate", "--cik", "0000000001"]
    args += ["--encoding", encoding] if encoding else []
    args += [] if filing else ["--xml-only"]
    started = time.process_time()
    result = CliRunner().invoke(main, args)
    assert time.process_time() - started < 30, name
    assert result.exception is None or isinstance(result.exception, SystemExit), (name, result.exception)
    assert result.exit_code in (0, 1, 2), name
    assert "internal error" not in result.output, (name, result.output)
    assert check_output(work / "out", result.exit_code) == [], name


@settings(max_examples=60, deadline=None, derandomize=True)
@given(data=st.binary(max_size=3000) | st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_reading_arbitrary_bytes_raises_only_conversion_errors(data):
    try:
        text, _ = clean_text(decode(data, "r.txt"), "r.txt")
        extract_text(text, "r.txt")
    except ConversionError:
        pass


@settings(max_examples=40, deadline=None, derandomize=True)
@given(depth=st.integers(min_value=0, max_value=3000), tag=st.sampled_from(["div", "font", "b", "span", "td"]))
def test_nesting_never_crashes(depth, tag):
    text = f"<html><body>{f'<{tag}>' * depth}<p>Acme Corp reports</p></body></html>"
    try:
        extract_text(text, "deep.html")
    except ConversionError:
        pass
