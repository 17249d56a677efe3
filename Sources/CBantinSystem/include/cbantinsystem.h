#ifndef BANTIN_CBANTINSYSTEM_H
#define BANTIN_CBANTINSYSTEM_H

/// Atomically exchanges two paths (renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (EINVAL or ENOSYS where the
/// file system or kernel does not support the exchange).
int bantin_rename_exchange(const char *first, const char *second);

/// Removes a file or a folder with everything in it, never following links, by the
/// names' bytes (names that are not UTF-8 included). A missing path is not an
/// error. Returns 0 on success, -1 with errno set otherwise.
int bantin_remove_tree(const char *path);

/// The commit bantin was built from, as `make release` writes it into commit.h;
/// empty when it was built otherwise.
const char *bantin_build_commit(void);

#endif
