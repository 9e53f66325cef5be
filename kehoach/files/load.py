"""Load a data folder: every file parsed, validated and cross-checked."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, NamedTuple, ParamSpec, TextIO, TypeVar

from pydantic import BaseModel, ValidationError

from kehoach.domain.checks import LINE, Finding, check, unlisted_groups
from kehoach.domain.dataset import Dataset
from kehoach.domain.lineage import Dated, Lineage
from kehoach.domain.model import SUPPORTED_SCHEMAS, PlanFile, Unit
from kehoach.domain.rules import latest_day
from kehoach.errors import DataInvalid, Problem
from kehoach.files import lean
from kehoach.files.cache import Cache, content_digest, digest, file_digest
from kehoach.files.datadir import ENV_DATA, PLAN_FILE, UNITS_DIR, find_data_dir, read_files, unit_files
from kehoach.files.diagnostics import problems_from_validation
from kehoach.files.lean import LeanUnits
from kehoach.files.yamlio import Document, YamlError, document_from_bytes, key_path
from kehoach.i18n import _

__all__ = ["ENV_DATA", "PLAN_FILE", "UNITS_DIR", "find_data_dir", "load", "load_valid", "unit_files"]

if TYPE_CHECKING:
    from kehoach.files.records import Written

M = TypeVar("M", bound=BaseModel)
P = ParamSpec("P")
Files = tuple[dict[Path, bytes], list[Problem]]
"""Every data file's bytes by path, and the files that could not be read (see read_files)."""


def load(root: Path, cache: Cache | None = None, files: Files | None = None) -> tuple[Dataset | None, list[Problem]]:
    """Load a data folder: the dataset, or ``None`` with every problem found when there are any."""
    loaded = read_folder(root, cache, files)
    return loaded.dataset, loaded.problems


class Folder(NamedTuple):
    """A data folder as read: its dataset (``None`` when it has problems), the problems, and the
    files behind it, parsed for positions on demand (to place a problem, or to edit a file)."""

    root: Path
    dataset: Dataset | None
    problems: list[Problem]
    documents: Documents
    unit_paths: dict[str, Path]
    units: Units
    latest: date | None = None
    """No record or extension in the folder is dated later (see :class:`CheckMarks`); ``None``
    when the folder has problems."""

    def plan_document(self) -> Document:
        return self.documents[self.root / PLAN_FILE]

    def unit_document(self, unit_id: str) -> Document:
        return self.documents[self.unit_paths[unit_id]]


def read_folder(
    root: Path,
    cache: Cache | None = None,
    files: Files | None = None,
    trusted: Mapping[str, date] | None = None,
    reuse: Units | None = None,
    today: date | None = None,
    confined: str | None = None,
) -> Folder:
    """Read, validate and cross-check a data folder.

    With a ``cache``: a file validated before (the same bytes) is not parsed again but unpickled;
    a unit file checked clean before (the same bytes, plan and set of units) is not checked again;
    a folder checked before is not checked again. A file is parsed for positions only if a problem
    must be placed or a record written. ``trusted``: units the caller knows to be clean in this
    folder, each with a day none of its records is dated after, and ``reuse`` the units already read
    for these very bytes (see :func:`check_after_write`). With ``today`` (``validate``), what is
    dated after it is a problem too, and a mark counts only if nothing it vouches for is.

    ``confined``: the unit a write is about to change (``done``, ``waive``, ``undo``). A folder not
    checked clean before is then checked as far as that write depends on it (see
    :func:`_read_confined`), not as a whole.
    """
    cache = cache or Cache(None)
    raws, read_problems = files or read_files(root)
    problems = list(read_problems)
    documents = Documents(raws)
    plan = _load_file(root / PLAN_FILE, PlanFile, documents, problems, cache)
    paths = {path.stem: path for path in raws if path.parent == root / UNITS_DIR}
    marks = CheckMarks(root, raws, paths)
    # A folder checked as a whole vouches for every unit in it: no need to look up each unit's mark.
    folder_latest = None if read_problems else marks.folder_latest(cache, today)
    known_good = folder_latest is not None
    if confined is not None and not known_good and not read_problems:
        return _read_confined(root, cache, documents, problems, plan, paths, confined)
    clean: dict[str, date]
    read_now: dict[str, Unit | None] = {}
    if folder_latest is not None:
        marks.follow(marks.known_lineages(cache))
        clean = dict.fromkeys(paths, folder_latest)
    else:
        # A unit file whose lineage was never read from its parsed model is new or changed, so it is
        # validated now anyway: that gives its lineage, which every unit's mark depends on.
        lineages = marks.known_lineages(cache)
        for stem in paths.keys() - lineages.keys():
            unit = reuse.loaded.get(stem) if reuse is not None else None
            read = read_now[stem] = unit or _load_file(paths[stem], Unit, documents, problems, cache)
            lineages[stem] = None if read is None else lineage_of(read)
        marks.follow(lineages)
        clean = {stem: day for stem, day in (trusted or marks.clean(cache)).items() if today is None or day <= today}
    units = _units(paths, frozenset(clean), reuse, read_now, documents, problems, cache)
    if known_good and marks.reorganised is None:
        # Vouched for as a whole, but the lineages are not known here (the same bytes checked
        # through another path to them): read them from the models, once.
        marks.follow({stem: marks.lineages.get(stem) or lineage_of(units[stem]) for stem in paths})
        marks.keep_lineages(cache)
    if problems or plan is None:
        # Cross-file checks wait until every file reads cleanly: a unit file that cannot be
        # read would otherwise show up again as a missing owner everywhere it is named.
        return Folder(root, None, problems, documents, paths, units)
    dataset = Dataset(plan, units, marks.reorganised, heads=units.heads)
    if not known_good:
        problems.extend(_placed(check(dataset, frozenset(clean), today), root, paths, documents))
        folder_latest = marks.keep(cache, clean, problems, dataset)
    if problems:
        return Folder(root, None, sorted(problems), documents, paths, units)
    return Folder(root, dataset, [], documents, paths, units, folder_latest)


def _read_confined(
    root: Path,
    cache: Cache,
    documents: Documents,
    problems: list[Problem],
    plan: PlanFile | None,
    paths: dict[str, Path],
    unit_id: str,
) -> Folder:
    """The folder as a write to one unit depends on it: the plan; every unit file's head (which
    units exist, and their lineage); and whole, the unit's own file and those of its lineage (the
    units it succeeded, and every successor of those and of its own, whose records can answer for
    an occurrence it owes). Those are validated and cross-checked as ``validate`` would; the other
    units' records are not read, so a mistake in another office's file does not block this one's
    record. A unit file whose head the lean path does not vouch for is read and validated whole.

    Nothing is marked checked in the cache: the folder as a whole was not.
    """
    loaded: dict[str, Unit] = {}
    heads: dict[str, Unit] = {}
    for stem, path in paths.items():
        if (head := _head_of(documents, path)) is not None:
            heads[stem] = head
        elif (unit := _load_file(path, Unit, documents, problems, cache)) is not None:
            loaded[stem] = unit
    lineage = Lineage({**heads, **loaded})
    base = [unit_id, *lineage.ancestors(unit_id)] if unit_id in paths else []
    needed = {*base, *(heir for unit in base for heir in lineage.descendants(unit))}
    for stem in sorted(needed - loaded.keys()):
        if (unit := _load_file(paths[stem], Unit, documents, problems, cache)) is not None:
            loaded[stem] = unit
    units = Units(loaded, paths, documents, cache, paths.keys() - loaded.keys())
    units.heads.read.update(heads)
    if problems or plan is None:
        return Folder(root, None, problems, documents, paths, units)
    said = {stem for stem in paths if lineage_of(units.heads[stem]) != b""}
    dataset = Dataset(plan, units, frozenset(said), heads=units.heads)
    problems.extend(_placed(check(dataset, frozenset(paths.keys() - needed)), root, paths, documents))
    if problems:
        return Folder(root, None, sorted(problems), documents, paths, units)
    return Folder(root, dataset, [], documents, paths, units)


class Verdict(NamedTuple):
    """What ``validate`` reports: every problem, or else how much the folder holds."""

    problems: list[Problem]
    files: int
    tasks: int
    units: int
    groups: int
    unlisted: list[tuple[str, list[str]]] = []  # noqa: RUF012 - a NamedTuple's default, never changed
    """The groups with no members that own tasks (:func:`kehoach.domain.checks.unlisted_groups`)."""


def verdict(root: Path, cache: Cache | None = None, today: date | None = None) -> Verdict:
    """Check a data folder, as of ``today`` when given (nothing may be dated after it). One checked
    clean before (the same bytes, nothing dated after ``today``) answers from its plan alone,
    without reading its units' stored models: CI and pre-commit ask this on every commit."""
    cache = cache or Cache(None)
    files = read_files(root)
    raws, read_problems = files
    paths = {path.stem: path for path in raws if path.parent == root / UNITS_DIR}
    count = 1 + len(unit_files(root))
    if not read_problems and CheckMarks(root, raws, paths).folder_latest(cache, today) is not None:
        plan = _load_file(root / PLAN_FILE, PlanFile, Documents(raws), [], cache)
        if plan is not None:
            return Verdict([], count, len(plan.tasks), len(paths), len(plan.groups), unlisted_groups(plan))
    folder = read_folder(root, cache, files, today=today)
    if folder.dataset is None:
        return Verdict(folder.problems, count, 0, 0, 0)
    plan = folder.dataset.plan
    return Verdict([], count, len(plan.tasks), len(folder.dataset.units), len(plan.groups), unlisted_groups(plan))


def _units(
    paths: dict[str, Path],
    clean: frozenset[str],
    reuse: Units | None,
    read_now: Mapping[str, Unit | None],
    documents: Documents,
    problems: list[Problem],
    cache: Cache,
) -> Units:
    """Every unit: checked ones (clean) read when first used; the others validated now, their
    problems added to ``problems`` (``read_now``: those validated already, ``None`` for a file whose
    problems were added)."""
    loaded: dict[str, Unit] = {}
    unread: list[str] = []
    for stem, path in paths.items():
        if stem in read_now:
            if (unit := read_now[stem]) is not None:
                loaded[stem] = unit
        elif reuse is not None and stem in reuse.loaded:
            loaded[stem] = reuse.loaded[stem]
        elif stem in clean:
            unread.append(stem)
        elif (unit := _load_file(path, Unit, documents, problems, cache)) is not None:
            loaded[stem] = unit
    return Units(loaded, paths, documents, cache, unread)


class Units(Mapping[str, Unit]):
    """Units by id. Every file was read before this was made. A unit not read yet (checked clean
    before, or left unread by a write confined to another unit) is read when first used, as any
    unit file is (:func:`_load_file`: its cached model, else the lean path, else the positioned
    reader): a command about one unit reads that one, not 250.

    :attr:`heads` gives what lineage needs of each unit (its start, end and successors) from the
    head of its file alone, without its records."""

    def __init__(
        self,
        loaded: dict[str, Unit],
        paths: dict[str, Path],
        documents: Documents,
        cache: Cache,
        unread: Iterable[str] = (),
    ) -> None:
        self.loaded, self.paths, self.documents, self.cache = loaded, paths, documents, cache
        self.unread = set(unread)
        self.order = [stem for stem in paths if stem in loaded or stem in self.unread]
        self.heads = Heads(self)

    def __getitem__(self, unit_id: str) -> Unit:
        if unit_id not in self.loaded:
            if unit_id not in self.unread:
                raise KeyError(unit_id)
            self.loaded[unit_id] = self._read(unit_id)
            self.unread.discard(unit_id)
        return self.loaded[unit_id]

    def _read(self, unit_id: str) -> Unit:
        """A unit not read yet; should its file not validate (left unread by a write confined to
        another unit), :class:`DataInvalid` says where, as a command would."""
        problems: list[Problem] = []
        unit = _load_file(self.paths[unit_id], Unit, self.documents, problems, self.cache)
        if unit is None:
            raise DataInvalid(problems)
        return unit

    def __iter__(self) -> Iterator[str]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.order)

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self.loaded or unit_id in self.unread


class Heads(Mapping[str, Dated]):
    """Each unit's start, end and successors (what :class:`kehoach.domain.lineage.Lineage` reads):
    a unit already read gives its own; another is read from its file's head alone
    (:func:`lean.read_head`, validated by the model), else read whole."""

    def __init__(self, units: Units) -> None:
        self.units = units
        self.read: dict[str, Unit] = {}

    def __getitem__(self, unit_id: str) -> Dated:
        units = self.units
        if unit_id in units.loaded:
            return units.loaded[unit_id]
        if unit_id not in self.read:
            if unit_id not in units:
                raise KeyError(unit_id)
            self.read[unit_id] = _head_of(units.documents, units.paths[unit_id]) or units[unit_id]
        return self.read[unit_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self.units


def _head_of(documents: Documents, path: Path) -> Unit | None:
    """A unit with its file's head alone (no records), when the lean path reads it and the model
    validates it: only what lineage reads of it counts."""
    try:
        head = lean.read_head(documents.raws[path].decode("utf-8"))
        return None if head is None else Unit.model_validate(head)
    except (UnicodeDecodeError, ValidationError):
        return None


def _placed(findings: list[Finding], root: Path, paths: dict[str, Path], documents: Documents) -> list[Problem]:
    """Cross-file findings on the line and column of the value at fault."""
    placed = []
    for finding in findings:
        path = root / PLAN_FILE if finding.unit is None else paths[finding.unit]
        document = documents[path]
        line, column = document.position(finding.loc)
        message = finding.message
        if finding.earlier is not None:
            message = message.replace(LINE, str(document.position(finding.earlier)[0]))
        placed.append(Problem(path, line, column, message, finding.rule, key_path(finding.loc)))
    return placed


class CheckMarks:
    """The cache keys of "checked, no problems": each unit file's in its context, and the folder's.

    A mark's value is the latest day the records it vouches for are dated (and, for the folder, the
    extensions' ``on``): a check with no ``today`` (every command but ``validate``) finds the same
    problems as one with a ``today`` on or after that day, so the mark stands for all those days
    and only them. A record dated tomorrow is a problem today and none tomorrow; a ``validate``
    as of an earlier day (``--as-of``) checks again just the units whose latest day is later.

    Why not the day in the key: every ``validate`` of a new day, and the first after each write
    (whose check has no ``today``), would then check the whole folder again, where a pre-commit
    hook and CI want the one-file answer. Why not "keep no mark while anything is dated after
    today": the mark would then say nothing about a ``validate --as-of`` an earlier day.
    """

    def __init__(self, root: Path, raws: dict[Path, bytes], paths: dict[str, Path]) -> None:
        self.root, self.raws, self.paths = root, raws, paths
        self.folder = "checked-" + content_digest(
            (path.relative_to(root).as_posix(), raw) for path, raw in raws.items()
        )
        self.lineage_map = "lineages-" + digest(os.path.realpath(root))
        self.marks_map = "unit-marks-" + digest(os.path.realpath(root))
        self.stored_marks: dict[object, object] | None = None
        """The folder's map of unit marks as the cache held it (see :meth:`clean`)."""
        self.lineages: dict[str, bytes | None] = {}
        self.stored_lineages: dict[object, object] = {}
        """The folder's map of lineages as the cache held it (see :meth:`known_lineages`)."""
        self.reorganised: frozenset[str] | None = None
        self.units: dict[str, str] = {}

    def known_lineages(self, cache: Cache) -> dict[str, bytes | None]:
        """The units whose lineage was read from their parsed model before (see :func:`lineage_of`),
        found by their file's bytes in the folder's map of lineages."""
        known = self.stored_lineages = cache.get(self.lineage_map, dict) or {}
        found: dict[str, bytes | None] = {}
        for stem, path in self.paths.items():
            lineage = known.get(file_digest(self.raws[path]), False)
            if lineage is None or isinstance(lineage, bytes):
                found[stem] = lineage
        return found

    def follow(self, lineages: Mapping[str, bytes | None]) -> None:
        """Make the units' keys, given every unit's lineage (``None`` for a file that does not
        validate: then its whole file counts). A unit's checks depend on its own bytes, the plan,
        which other units exist, and the lineages (whose predecessor's task a record may be of).
        With some lineage unknown (the folder was vouched for as a whole, and the map lost), every
        unit counts as reorganised: slower, never wrong."""
        self.lineages = dict(lineages)
        if self.paths.keys() - lineages.keys():
            self.reorganised = None
            return
        said = {
            stem: lineage if lineage is not None else file_digest(self.raws[self.paths[stem]]).encode()
            for stem, lineage in lineages.items()
            if lineage != b""
        }
        self.reorganised = frozenset(said)
        parts = [part for stem in sorted(said) for part in (stem, said[stem])]
        context = digest(file_digest(self.raws.get(self.root / PLAN_FILE, b"")), *sorted(self.paths), *parts)
        self.units = {
            stem: "unit-checked-" + digest(context, path.name, file_digest(self.raws[path]))
            for stem, path in self.paths.items()
        }

    def clean(self, cache: Cache) -> dict[str, date]:
        """The units checked clean before, each with the latest day of its records: found in the
        folder's one map of unit marks (one entry, not one per unit: a cold run of a province
        would otherwise write hundreds of files)."""
        stored = self._stored_marks(cache)
        found = {stem: stored.get(key) for stem, key in self.units.items()}
        return {stem: day for stem, day in found.items() if isinstance(day, date)}

    def _stored_marks(self, cache: Cache) -> dict[object, object]:
        if self.stored_marks is None:
            self.stored_marks = cache.get(self.marks_map, dict) or {}
        return self.stored_marks

    def folder_latest(self, cache: Cache, today: date | None) -> date | None:
        """The latest day of a folder checked clean before, if it was and nothing is dated after ``today``."""
        day = cache.get(self.folder, date)
        return day if day is not None and (today is None or day <= today) else None

    def keep(self, cache: Cache, clean: Mapping[str, date], problems: list[Problem], dataset: Dataset) -> date:
        """Mark what was just checked and found clean: each unit with no problem, the folder if none;
        the folder's latest day (an upper bound, with ``clean`` days given as bounds)."""
        flagged = {problem.path for problem in problems}
        latest = latest_day(extensions=dataset.plan.extensions)
        stored = self._stored_marks(cache)
        marks: dict[object, object] = {}
        for stem, key in self.units.items():
            if stem in clean:
                known = stored.get(key)
                marks[key] = known if isinstance(known, date) else clean[stem]
                latest = max(latest, clean[stem])
            elif self.paths[stem] not in flagged:
                day = marks[key] = latest_day(dataset.units[stem].records)
                latest = max(latest, day)
        if marks != stored:  # the units it has now: old versions drop out
            cache.put(self.marks_map, marks)
        if not problems:
            cache.put(self.folder, latest)
        self.keep_lineages(cache)
        return latest

    def keep_lineages(self, cache: Cache) -> None:
        """Remember each unit file's lineage by its bytes, for the next run (one entry per folder,
        holding the files it has now: old versions drop out)."""
        known = {file_digest(self.raws[self.paths[stem]]): lineage for stem, lineage in self.lineages.items()}
        if known and known != self.stored_lineages:  # as read by known_lineages: not read twice
            cache.put(self.lineage_map, known)


def lineage_of(unit: Dated) -> bytes:
    """What a unit says of when it starts and ends and who succeeds it, as the key's bytes: from
    the validated model, so that no way of writing it in YAML can escape the key. Empty when it
    says nothing (no dates, no successors): the unit was never reorganised."""
    if unit.from_ is None and unit.until is None and not unit.successors:
        return b""
    return repr((unit.from_, unit.until, tuple(unit.successors))).encode()


class Documents(dict[Path, Document]):
    """Parsed files by path; a file served from the cache is parsed from its bytes on first use.
    ``lean`` reads the unit files that validate, without positions (:mod:`kehoach.files.lean`)."""

    def __init__(self, raws: dict[Path, bytes]) -> None:
        super().__init__()
        self.raws = raws

    @functools.cached_property
    def lean(self) -> LeanUnits:
        return LeanUnits()

    def __missing__(self, path: Path) -> Document:
        document = document_from_bytes(path, self.raws[path])
        self[path] = document
        return document


def load_valid(root: Path, cache: Cache | None = None, files: Files | None = None) -> Dataset:
    """The dataset, or :class:`DataInvalid` with every problem found (``files``: already read)."""
    dataset, problems = load(root, cache, files)
    if dataset is None:
        raise DataInvalid(problems)
    return dataset


class Edit:
    """A data folder held for one write: locked, read once and checked (see :func:`edit_folder`)."""

    def __init__(self, root: Path, cache: Cache | None, confined: str | None = None) -> None:
        self.root, self.cache = root, cache
        self.files = read_files(root)
        self.folder = read_folder(root, cache, self.files, confined=confined)
        if self.folder.dataset is None:
            raise DataInvalid(self.folder.problems)
        self.dataset: Dataset = self.folder.dataset
        self.units: Units = self.folder.units
        self.written: Written | None = None

    def wrote(self, written: Written) -> None:
        """Say what was written (a unit file, read back as ``written.unit``), for the cache."""
        self.written = written


def edit_folder(
    root: Path,
    cache: Cache | None,
    confined: str | None,
    run: Callable[Concatenate[Edit, TextIO, P], int],
    out: TextIO,
    /,
    *args: P.args,
    **arguments: P.kwargs,
) -> int:
    """A write command, ``run(edit, out, **arguments)``: under the folder's write lock, over the
    folder read once and validated (:class:`Edit`; ``confined``: the one unit the write changes,
    see :func:`read_folder`); then, still under the lock, the cache learns what was written,
    checked against the very bytes that were read (:func:`check_after_write`), when the folder had
    been checked as a whole."""
    from kehoach.files.lock import locked

    with locked(root):
        edit = Edit(root, cache, confined)
        code = run(edit, out, *args, **arguments)
        if edit.written is not None and edit.folder.latest is not None:
            check_after_write(root, edit.files, edit.written, edit.units, cache, edit.folder.latest)
    return code


def check_after_write(
    root: Path, files: Files, written: Written, units: Units, cache: Cache | None, latest: date
) -> None:
    """After kehoach wrote a unit file (and proved it reads back as ``written.unit``), check the new
    folder now, so that the next command starts warm.

    The folder was valid before the write, and only the written unit changed (a record does not
    change which units exist or what the plan says), so every other unit is trusted, none of its
    records dated after ``latest``, the folder's latest day before the write; with the written
    unit's model cached under its new bytes, :func:`read_folder` checks just that one unit against
    the rest, reusing the units already read (``units``), and leaves the marks a cold load of the
    new folder would (the folder's latest day may be a later bound than a cold load's: then a
    ``validate`` as of an earlier day checks again, never less).
    """
    if cache is None:
        return
    cache.put(model_key(Unit, written.data), written.unit)
    others = {path.stem: latest for path in files[0] if path.parent == root / UNITS_DIR and path != written.path}
    stem = written.path.stem
    reuse = Units(
        {**{other: unit for other, unit in units.loaded.items() if other != stem}, stem: written.unit},
        units.paths,
        units.documents,
        cache,
        units.unread - {stem},
    )
    read_folder(root, cache, ({**files[0], written.path: written.data}, files[1]), others, reuse)


KEPT_PARSED = 1024 * 1024
"""Bytes above which a file's positions are kept once parsed, for the problems still to place (a
real unit file holds at most tens of kilobytes; see :data:`kehoach.files.datadir.FILE_LIMIT`)."""


def _load_file(path: Path, model: type[M], documents: Documents, problems: list[Problem], cache: Cache) -> M | None:
    if path not in documents.raws:
        return None
    key = model_key(model, documents.raws[path])
    cached = cache.get(key, model)
    if cached is not None:
        return cached
    if model is Unit and (unit := _lean_unit(documents, path)) is not None:
        # Not cached: the lean path reads a file again about as fast as its model would unpickle,
        # and a cold run (CI, a checkout) would otherwise write one entry per unit file.
        return unit  # type: ignore[return-value]
    try:
        # Parsed, used and dropped: keeping every file's positions would hold the whole
        # folder's text structure in memory; a check that needs them parses the file again.
        # But not a file far larger than any real one: parsing it again would cost seconds
        # (a 16 MiB unit file of repeated records takes as long as the rest of the check), and
        # keeping its positions costs no more than parsing it again would.
        document = document_from_bytes(path, documents.raws[path])
    except YamlError as error:
        problems.extend(error.problems)
        return None
    if len(documents.raws[path]) > KEPT_PARSED:
        documents[path] = document
    version_problem = _version_problem(document)
    if version_problem:
        problems.append(version_problem)
        return None
    try:
        validated = model.model_validate(document.data)
    except ValidationError as error:
        problems.extend(problems_from_validation(document, model, error))
        return None
    cache.put(key, validated)
    return validated


def _lean_unit(documents: Documents, path: Path) -> Unit | None:
    """The unit file, when the lean path reads and validates it (else the positioned reader does,
    and places every problem)."""
    try:
        text = documents.raws[path].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return documents.lean.unit(text)


def model_key(model: type[BaseModel], raw: bytes) -> str:
    """Where a file's validated model is cached: by the model and the file's bytes."""
    return f"{model.__name__.lower()}-" + digest(file_digest(raw))


def _version_problem(document: Document) -> Problem | None:
    """A file of a format version this kehoach does not read is refused before anything else."""
    version = document.data.get("schema")
    if version in SUPPORTED_SCHEMAS and not isinstance(version, bool):
        return None
    supported = ", ".join(str(number) for number in SUPPORTED_SCHEMAS)
    if version is None:
        message = _("thiếu khóa 'schema' (phiên bản định dạng); hãy thêm 'schema: {supported}' ở đầu tệp")
    else:
        message = _("định dạng phiên bản {version} không được hỗ trợ; kehoach này đọc phiên bản: {supported}")
    line, column = document.position(("schema",))
    return Problem(
        document.path, line, column, message.format(version=version, supported=supported), "schema-version", "schema"
    )
