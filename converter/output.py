"""Output folders that never lose a user's files.

- Every folder the tool writes holds its report.json (with "input" and "status"): that file is
  the marker. A folder at OUT/<stem> is replaced only when it holds such a report, or with
  `overwrite`; otherwise the document fails with OutputError and the folder is left untouched.
- A document is written into a hidden staging folder next to its target and moved into place
  complete. Staging folders hold a marker naming the process that made them, and their names
  name it too (a process killed between making the folder and writing the marker); one left
  behind by a killed run is removed by the next run in the same output folder (clean_stale_staging).
- Folders and files follow the umask (mkdtemp's 0700 is widened to what the umask allows).
- summary.json is written atomically (a unique temporary file renamed into place).
- check_out_dir refuses an output folder that cannot be created or written, before any work.
- display_path gives the printable form of a path whose name is not valid UTF-8.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from converter.errors import OutputError

MARKER = "report.json"
STAGING_PREFIX = ".xbrl-convert-staging."
_STAGING_MARKER = ".xbrl-convert-staging"
__all__ = ["OutputError", "check_out_dir", "check_target", "clean_stale_staging", "display_path", "json_bytes",
           "owned", "safe_stem", "staged_folder", "write_atomic"]


def display_path(path: Path | str) -> str:
    """`path` as printable text: bytes that are not UTF-8 are shown escaped (\\xff)."""
    return os.fsencode(os.fspath(path)).decode("utf-8", "backslashreplace")


def safe_stem(stem: str) -> str:
    """A file-name stem usable inside XML hrefs: letters, digits, '.', '_' and '-' only."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", display_path(stem)).strip("-.")
    return cleaned[:100] or "release"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _follow_umask(path: Path) -> None:
    """Give a folder made by mkdtemp (0700) the permissions a plain mkdir would have."""
    os.chmod(path, 0o777 & ~_umask())


def check_out_dir(out_dir: Path) -> None:
    """Create `out_dir` if needed and prove it writable; OutputError says why not."""
    shown = display_path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise OutputError("output path exists and is not a folder", shown, code="xc:outputNotFolder") from exc
    except OSError as exc:
        raise OutputError(f"cannot create output folder: {exc.strerror or exc}", shown) from exc
    if not out_dir.is_dir():
        raise OutputError("output path is not a folder", shown, code="xc:outputNotFolder")
    try:
        fd, probe = tempfile.mkstemp(prefix=".xbrl-convert-probe.", dir=out_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"cannot write to output folder: {exc.strerror or exc}", shown) from exc


def owned(target: Path) -> bool:
    """True when `target` is a folder this tool wrote (its report.json names input and status)."""
    marker = target / MARKER
    if not target.is_dir() or target.is_symlink() or marker.is_symlink() or not marker.is_file():
        return False
    try:
        data = json.loads(marker.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "input" in data and "status" in data


def check_target(target: Path, overwrite: bool = False) -> None:
    """Refuse (OutputError) a target that exists and that the tool did not write."""
    if not (target.exists() or target.is_symlink()):
        return
    shown = display_path(target)
    if not target.is_dir() or target.is_symlink():
        raise OutputError("output path exists and is not a folder; remove it or choose another --out", shown,
                          code="xc:outputNotFolder")
    if not owned(target) and not overwrite:
        raise OutputError("folder exists and was not written by xbrl-convert; "
                          "remove it, choose another --out, or pass --overwrite", shown, code="xc:outputNotOurs")


def _alive(pid: int) -> bool:
    """Whether process `pid` still runs. A zombie (exited, not yet reaped by its parent: a killed
    batch's worker under an init that does not reap) answers signal 0 but writes nothing more."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True  # no /proc (not Linux) or no access: signal 0 is all there is to go on
    return stat[stat.rfind(")") + 2:][:1] != "Z"  # the state follows "(command name) "


def _host_tag() -> str:
    return re.sub(r"[^A-Za-z0-9-]", "_", socket.gethostname())[:64]


def _new_staging(parent: Path) -> Path:
    """A new staging folder in `parent`, named after its owner ("<prefix><pid>@<host>.<random>")
    and holding the marker that names it too."""
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}@{_host_tag()}.", dir=parent))
    try:
        (staging / _STAGING_MARKER).write_text(f"{socket.gethostname()} {os.getpid()}\n", encoding="utf-8")
    except BaseException:  # a full disk: no folder is left behind
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


_NAMED_OWNER = re.compile(rf"{re.escape(STAGING_PREFIX)}(?P<pid>\d+)@(?P<host>[A-Za-z0-9_-]+)\.[a-z0-9_]+")


def _owner(entry: Path) -> tuple[str, int] | None:
    """(host, pid) of the process that made a staging folder: its marker's, else its name's (a
    process killed before it wrote the marker); None when neither says (not the tool's)."""
    try:
        owner_host, pid = (entry / _STAGING_MARKER).read_text(encoding="utf-8").split()[:2]
        return owner_host, int(pid)
    except (OSError, ValueError):
        named = _NAMED_OWNER.fullmatch(entry.name)
        if named is None:
            return None
        return (socket.gethostname() if named["host"] == _host_tag() else named["host"]), int(named["pid"])


def clean_stale_staging(out_dir: Path) -> list[Path]:
    """Remove staging folders left in `out_dir` by runs that were killed; return them (sorted)."""
    removed = []
    try:
        entries = sorted(out_dir.iterdir())
    except OSError:
        return removed
    host = socket.gethostname()
    for entry in entries:
        if not entry.name.startswith(STAGING_PREFIX) or entry.is_symlink() or not entry.is_dir():
            continue
        owner = _owner(entry)
        if owner is None:
            continue  # no readable staging marker and no owner in its name: not ours to remove
        owner_host, pid = owner
        if owner_host != host or not _alive(pid):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


@contextmanager
def staged_folder(target: Path, overwrite: bool = False) -> Iterator[Path]:
    """A staging folder next to `target` that replaces it only when the block completes.

    The existing target is replaced only when the tool wrote it (or with `overwrite`); it is
    moved aside first and removed only after the new folder is in place.
    """
    check_target(target, overwrite)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = _new_staging(target.parent)
    try:
        yield staging
        (staging / _STAGING_MARKER).unlink()
        _follow_umask(staging)
        check_target(target, overwrite)
        old = None
        if target.exists():
            old = _new_staging(target.parent)
            target.rename(old / "old")
        staging.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def json_bytes(data: dict[str, Any]) -> bytes:
    """JSON as UTF-8 bytes; text that cannot be encoded (lone surrogates) is escaped."""
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


def write_atomic(path: Path, data: bytes) -> Path:
    """Write `path` through a unique temporary file in its folder, renamed into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path
