#ifndef BANTIN_CCMARK_SHIM_H
#define BANTIN_CCMARK_SHIM_H
#include <cmark.h>
#endif
