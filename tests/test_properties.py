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
from mutate import MAX_INPUT, MUTATIONS, mutate

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


_LEARN = Path(__file__).resolve().parents[1] / "examples" / "learn"
_LEARN_FILES = ("frwk-20250331-10q.htm", "xml/frwk-20250331.xml", "xml/frwk-20250331.xsd",
                "xml/frwk-20250331_lab.xml", "xml/frwk-20250331_pre.xml")


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(_LEARN_FILES), cut=st.floats(min_value=0.0, max_value=1.0),
       junk=st.binary(max_size=200), inline=st.booleans())
def test_learn_never_crashes_on_a_damaged_filing_or_linkbase(tmp_path_factory, target, cut, junk, inline):
    """A filing, schema or linkbase cut at any point with junk spliced in: `learn` writes a map
    (exit 0) or says what it cannot read (exit 2), and never leaves a map behind on an error."""
    work = tmp_path_factory.mktemp("learn")
    for name in _LEARN_FILES:
        (work / Path(name).name).write_bytes((_LEARN / name).read_bytes())
    damaged = work / Path(target).name
    data = damaged.read_bytes()
    at = int(len(data) * cut)
    damaged.write_bytes(data[:at] + junk + data[at + len(junk):])
    filing = work / Path(_LEARN_FILES[0 if inline else 1]).name
    out = work / "map.yaml"
    result = CliRunner().invoke(main, ["learn", str(filing), "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), (target, result.exception)
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert out.exists() == (result.exit_code == 0)


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=2), seed=st.integers(0, 10**6))
def test_convert_with_a_company_map_never_crashes_on_a_damaged_release(tmp_path_factory, names, seed):
    """The bundled next-quarter release, damaged, converted with the company map of its 10-Q
    (label, figure, place, closest-wording and alternative rules all at work): a result or a
    message, never a traceback or partial output."""
    import random

    work = tmp_path_factory.mktemp("mapped")
    maps = work / "frwk.yaml"
    assert CliRunner().invoke(main, ["learn", str(_LEARN / _LEARN_FILES[0]), "--out", str(maps)]).exit_code == 0
    data, encoding = (_LEARN / "ferrowick-instruments-q2-2025.txt").read_bytes(), None
    rng = random.Random(seed)
    for name in names:
        data, given = MUTATIONS[name](data, rng)
        encoding = given or encoding
    source = work / "release.txt"
    source.write_bytes(data[:MAX_INPUT])
    args = ["convert", str(source), "--out", str(work / "out"), "--no-validate", "--cik", "0009990042",
            "--company-map", str(maps)] + (["--encoding", encoding] if encoding else [])
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (names, result.exception)
    assert result.exit_code in (0, 1, 2), names
    assert "internal error" not in result.output, (names, result.output)
    assert check_output(work / "out", result.exit_code) == [], names


_MANGLED = st.text(alphabet=st.sampled_from(["\u00c2", "\u00e2", "\u20ac", "\u201d", "\u0080", "\u0094", "\u00a0", " ",
                                             "\n", "\t", "1", ",", "a", "|"]), max_size=200)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=_MANGLED)
def test_mojibake_repair_keeps_every_line_and_column(text):
    """Whatever mangled bytes a file holds, the repair keeps each line's length (source
    positions stay true) and repairs nothing it cannot re-decode."""
    repaired, notes = clean_text(text, "r.md")
    assert [len(line) for line in repaired.split("\n")] == [len(line) for line in text.split("\n")]
    assert len(notes) <= 2
    if "\u00c2" not in text and "\u00e2" not in text:
        assert repaired == text
