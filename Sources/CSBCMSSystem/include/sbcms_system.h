#ifndef SBCMS_SYSTEM_H
#define SBCMS_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. unsupported file system).
int sbcms_rename_exchange(const char *first, const char *second);

/// The width in columns of the terminal open on `fd`, or 0 when it is not a terminal.
int sbcms_terminal_columns(int fd);

#endif
