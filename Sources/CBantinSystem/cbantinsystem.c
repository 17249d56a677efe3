#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <unistd.h>
#include <stdio.h>
#include "cbantinsystem.h"

int bantin_rename_exchange(const char *first, const char *second) {
  return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *walk) {
  (void)info;
  (void)walk;
  int result = flag == FTW_DP ? rmdir(path) : unlink(path);
  return result == 0 || errno == ENOENT ? 0 : -1;
}

int bantin_remove_tree(const char *path) {
  int result = nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
  if (result != 0 && errno == ENOENT) return 0;
  return result;
}

// `make release` writes the commit into commit.h (git-ignored, rewritten only when
// the commit changes), so that a new commit recompiles this file alone. Debug
// builds (-DDEBUG) say none, rather than the last release's.
#if !defined(DEBUG) && __has_include("commit.h")
#include "commit.h"
#endif

const char *bantin_build_commit(void) {
#ifdef BANTIN_COMMIT
  return BANTIN_COMMIT;
#else
  return "";
#endif
}
