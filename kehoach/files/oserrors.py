"""What the operating system refused, as a sentence in the user's language with what to do.

``OSError.strerror`` is the C library's English ("Permission denied") and would leak into a
Vietnamese message. Every errno a user can meet reading the data, writing a record or an export,
or taking the write lock has its own words here; any other is named by its symbol (``EXDEV``),
which is searchable whatever the language.
"""

from __future__ import annotations

import errno
from pathlib import Path

from kehoach.errors import ExitCode, KehoachError
from kehoach.files.paths import shown
from kehoach.i18n import _


class SystemRefused(KehoachError):
    """The operating system refused a read or a write (no permission, a read-only or full disk, a
    missing folder); what kehoach was writing was left as it was."""

    exit_code = ExitCode.SYSTEM


def reason(error: OSError, path: Path) -> str:
    """Why ``path`` could not be used, and what to do: ``ổ đĩa đã đầy; hãy giải phóng …``."""
    folder = shown(path.parent)
    # Built on each call: the words are translated in the language chosen at the edge.
    reasons = {
        errno.EACCES: _(
            "không có quyền truy cập; hãy kiểm tra quyền đọc, ghi của nó và của thư mục {folder} "
            "(ls -la {folder}) hoặc dùng tài khoản có quyền"
        ),
        errno.EPERM: _(
            "hệ điều hành không cho phép thay đổi; hãy kiểm tra quyền của thư mục {folder} và xem nó có bị "
            "khóa bất biến không (lsattr -d {folder})"
        ),
        errno.EROFS: _("ổ đĩa chỉ cho phép đọc; hãy ghi vào thư mục khác hoặc gắn lại ổ đĩa ở chế độ ghi được"),
        errno.ENOSPC: _("ổ đĩa đã đầy; hãy giải phóng dung lượng đĩa rồi chạy lại"),
        errno.EDQUOT: _(
            "tài khoản đã dùng hết hạn mức dung lượng (quota); hãy xóa bớt tệp hoặc xin thêm hạn mức rồi chạy lại"
        ),
        errno.ENOENT: _(
            "thư mục {folder} không tồn tại (hoặc tệp đã bị xóa); hãy kiểm tra đường dẫn hoặc tạo thư mục trước"
        ),
        errno.ENOTDIR: _("một phần của đường dẫn là tệp, không phải thư mục; hãy kiểm tra đường dẫn"),
        errno.EISDIR: _("đây là một thư mục, không phải tệp; hãy chỉ đường dẫn của một tệp"),
        errno.ENAMETOOLONG: _("tên tệp hoặc đường dẫn quá dài; hãy dùng tên ngắn hơn"),
        errno.EEXIST: _("đã có một tệp hoặc thư mục cùng tên; hãy chọn tên khác"),
        errno.EBUSY: _("tệp hoặc ổ đĩa đang được dùng; hãy đóng chương trình đang dùng nó rồi chạy lại"),
        errno.EIO: _("lỗi đọc ghi của ổ đĩa; hãy kiểm tra ổ đĩa (có thể hỏng hoặc đã bị rút ra) rồi chạy lại"),
        errno.ELOOP: _("đường dẫn có vòng lặp liên kết tượng trưng; hãy kiểm tra đường dẫn"),
        errno.EMFILE: _("quá nhiều tệp đang mở; hãy đóng bớt chương trình rồi chạy lại"),
        errno.ENFILE: _("quá nhiều tệp đang mở; hãy đóng bớt chương trình rồi chạy lại"),
    }
    known = reasons.get(error.errno) if error.errno is not None else None
    return known.format(folder=folder) if known is not None else system_error(error)


def system_error(error: OSError) -> str:
    """``lỗi hệ thống EXDEV``: the errno's symbol, for an errno without words of its own."""
    name = errno.errorcode.get(error.errno, "") if error.errno is not None else ""
    return _("lỗi hệ thống {name}").format(name=name or type(error).__name__)


def write_refused(path: Path, error: OSError) -> SystemRefused:
    """``path`` could not be written (whole or at all: writes here never leave half a file)."""
    return SystemRefused(_("không ghi được {path}: {reason}").format(path=shown(path), reason=reason(error, path)))


def refused(error: OSError) -> SystemRefused:
    """Any other refusal, named by the file the system names (the CLI's last resort: every read and
    write kehoach makes on purpose says which file it was about, through :func:`write_refused` or a
    problem of its own). Without a file it is the standard output's (``> /dev/full``)."""
    if error.filename is None:
        return output_refused(error)
    path = Path(str(error.filename))
    return SystemRefused(
        _("hệ điều hành từ chối truy cập {path}: {reason}").format(path=shown(path), reason=reason(error, path))
    )


def output_refused(error: OSError) -> SystemRefused:
    """What was printed could not be written: standard output is on a full disk (``> /dev/full``),
    a read-only one, or gone."""
    return SystemRefused(
        _("không ghi được kết quả ra đầu ra chuẩn: {reason}").format(reason=reason(error, Path.cwd() / "-"))
    )


def current_folder() -> Path:
    """The current folder, which may have been removed (or moved) under a shell that still stands in it."""
    try:
        return Path.cwd()
    except OSError:
        raise SystemRefused(
            _(
                "thư mục hiện tại không còn tồn tại (đã bị xóa hoặc di chuyển); "
                "hãy chuyển sang thư mục khác (cd) rồi chạy lại"
            )
        ) from None
