"""Writing an output file safely: atomically (readers see the old file or the new one,
never half), never inside the desk being read, never over what is not a regular file.

``target`` decides where an output the user named goes, or refuses it;
``write_atomic`` writes there. Both name the path as the user gave it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import ExportError

_KINDS = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"),
)  # fmt: skip


def target(path: Path, protected: Iterable[Path] = (), force: bool = False) -> Path:
    """The file an output named ``path`` is written to: ``path`` itself, or the file
    it links to (the link is kept). Refused with an ``ExportError`` naming ``path``:

    - a path inside ``protected`` (the folders and files of the desk being read),
      which the next run would read or which holds the desk's own data;
    - an existing file that is not a regular file (a folder, pipe, device, socket);
    - a read-only file, unless ``force``.
    """
    real = Path(os.path.realpath(path))
    for place in protected:
        place = Path(os.path.realpath(place))
        if real == place or place in real.parents:
            raise ExportError(
                f"refusing to write {path}: it is inside the desk being read ({place}); "
                "write reports and graphs outside the claims and sources folders"
            )
    try:
        info = real.stat()
    except FileNotFoundError:
        return real
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise ExportError(f"refusing to write {path}: it is {kind}, not a regular file")
    if not info.st_mode & 0o222 and not force:
        raise ExportError(
            f"refusing to write {path}: the file is read-only; give --force to replace it"
        )
    return real


def write_atomic(path: Path, text: str | Iterable[str], shown: Path | None = None) -> None:
    """Write ``text`` (UTF-8; a string or its pieces) to ``path`` through a
    temporary file in the same folder, renamed over ``path`` once complete.

    A file that cannot be written is an ``ExportError`` naming ``shown`` (the
    path as the user gave it; ``path`` by default)."""
    try:
        _write(path, text)
    except OSError as exc:
        raise ExportError(f"cannot write {shown or path}: {exc.strerror or exc}") from exc


def _write(path: Path, text: str | Iterable[str]) -> None:
    folder = path.resolve().parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            if isinstance(text, str):
                out.write(text)
            else:
                out.writelines(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode(path: Path) -> int:
    """The mode of the file replaced, or the usual one for a new file (0666 less umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def build_atomic(path: Path, build: Callable[[Path], None], shown: Path | None = None) -> None:
    """Have ``build`` write a file (a database, a workbook) at a temporary path in
    ``path``'s folder, then rename it over ``path``: readers see the old file or
    the whole new one. A failure leaves nothing behind; an ``OSError`` is an
    ``ExportError`` naming ``shown``."""
    folder = path.resolve().parent
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        os.close(handle)
        temporary = Path(name)
        try:
            build(temporary)
            with open(temporary, "rb") as done:
                os.fsync(done.fileno())
            os.chmod(temporary, _mode(path))
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except ExportError:
        raise  # already says which file and why
    except OSError as exc:
        raise ExportError(f"cannot write {shown or path}: {exc.strerror or exc}") from exc
