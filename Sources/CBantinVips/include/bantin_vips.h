#ifndef BANTIN_VIPS_H
#define BANTIN_VIPS_H

#include <stddef.h>

/* Typed, non-variadic wrappers of the libvips calls bantin makes. Images are
   opaque pointers (a VipsImage), released with bantin_vips_release. Every call
   that fails returns NULL or -1 and leaves libvips' message for
   bantin_vips_take_error. */

/* Starts libvips once: one thread per operation, the operation cache off, and
   only the JPEG, PNG and WebP loaders allowed. 0 on success. */
int bantin_vips_start(void);

/* The size and EXIF orientation (1 when none) of an image, from its header only,
   and the loader that would read it ("jpegload_buffer"); 0 on success. */
int bantin_vips_probe(const void *bytes, size_t length, int *width, int *height, int *orientation,
                      const char **loader);

/* The image decoded (a truncated or damaged file is an error), turned upright,
   in sRGB, and fitted into width x height; NULL on failure. */
void *bantin_vips_thumbnail(const void *bytes, size_t length, int width, int height);

/* `image` fitted into width x height (smaller sizes from the largest one). */
void *bantin_vips_resize(void *image, int width, int height);

/* `image` scaled to cover width x height and cut to exactly that size around the
   point (focus_x, focus_y), fractions of its width and height; transparency is
   flattened on white. NULL on failure. */
void *bantin_vips_cover(void *image, int width, int height, double focus_x, double focus_y);

/* `image` fitted into a size x size square and centred on a transparent one (an
   icon made of a logo of any shape); NULL on failure. */
void *bantin_vips_square(void *image, int size);

/* A copy of `image` with every metadata item removed (EXIF, XMP, IPTC, ICC, orientation). */
void *bantin_vips_stripped(void *image);

int bantin_vips_width(void *image);
int bantin_vips_height(void *image);
int bantin_vips_bands(void *image);
/* Whether `image` is in sRGB (or grey 8-bit already turned to sRGB). */
int bantin_vips_is_srgb(void *image);

/* Encoded bytes, freed with bantin_vips_free; 0 on success. */
int bantin_vips_save_webp(void *image, int quality, void **bytes, size_t *length);
int bantin_vips_save_jpeg(void *image, int quality, void **bytes, size_t *length);
int bantin_vips_save_png(void *image, void **bytes, size_t *length);

/* For tests: a width x height image with some structure, in `kind` 0 sRGB, 1 grey,
   2 CMYK, 3 sRGB with alpha, saved as JPEG (or PNG for alpha). */
int bantin_vips_test_image(int width, int height, int kind, void **bytes, size_t *length);

void bantin_vips_release(void *image);
void bantin_vips_free(void *bytes);

/* libvips' messages since the last call, as a new string (free with
   bantin_vips_free), and cleared. The buffer is process-global. */
char *bantin_vips_take_error(void);

/* libvips' last warning on this thread (empty when none): kept, not printed. */
const char *bantin_vips_last_warning(void);

/* The libvips version, "8.14.1". */
const char *bantin_vips_version(void);

#endif
