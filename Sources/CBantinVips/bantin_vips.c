#include "bantin_vips.h"

#include <string.h>
#include <vips/vips.h>

/* libvips' warnings ("error in tile 0 x 360" for a truncated JPEG) would go to
   standard error, beside bantin's own path:line:col messages, which editors' tools
   read: they are kept for the thread's photo instead, and the error that follows
   (vips_error_buffer) says what went wrong. */
static __thread char last_warning[256];

static void keep_warning(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
  (void)domain;
  (void)level;
  (void)data;
  g_strlcpy(last_warning, message ? message : "", sizeof last_warning);
}

const char *bantin_vips_last_warning(void) { return last_warning; }

int bantin_vips_start(void) {
  if (VIPS_INIT("bantin")) return -1;
  g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, keep_warning, NULL);
  vips_concurrency_set(1);
  vips_cache_set_max(0);
  vips_cache_set_max_mem(0);
  vips_cache_set_max_files(0);
  /* Every loader blocked, then the three photo formats allowed again. */
  vips_operation_block_set("VipsForeignLoad", TRUE);
  vips_operation_block_set("VipsForeignLoadJpeg", FALSE);
  vips_operation_block_set("VipsForeignLoadPng", FALSE);
  vips_operation_block_set("VipsForeignLoadWebp", FALSE);
  return 0;
}

int bantin_vips_probe(const void *bytes, size_t length, int *width, int *height, int *orientation,
                      const char **loader) {
  const char *found = vips_foreign_find_load_buffer(bytes, length);
  if (!found) return -1;
  VipsImage *image = vips_image_new_from_buffer(bytes, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
  if (!image) return -1;
  *width = vips_image_get_width(image);
  *height = vips_image_get_height(image);
  int value = 1;
  if (vips_image_get_typeof(image, VIPS_META_ORIENTATION) && vips_image_get_int(image, VIPS_META_ORIENTATION, &value))
    value = 1;
  *orientation = value;
  *loader = found;
  g_object_unref(image);
  return 0;
}

/* `image` in 8-bit sRGB (grey and CMYK converted); takes its reference. */
static VipsImage *to_srgb(VipsImage *image) {
  if (!image) return NULL;
  VipsInterpretation interpretation = vips_image_get_interpretation(image);
  if (interpretation == VIPS_INTERPRETATION_sRGB && image->BandFmt == VIPS_FORMAT_UCHAR) return image;
  VipsImage *out = NULL;
  int failed = vips_colourspace(image, &out, VIPS_INTERPRETATION_sRGB, NULL);
  g_object_unref(image);
  if (failed) return NULL;
  if (out->BandFmt != VIPS_FORMAT_UCHAR) {
    VipsImage *cast = NULL;
    failed = vips_cast_uchar(out, &cast, NULL);
    g_object_unref(out);
    if (failed) return NULL;
    out = cast;
  }
  return out;
}

void *bantin_vips_thumbnail(const void *bytes, size_t length, int width, int height) {
  VipsImage *out = NULL;
  if (vips_thumbnail_buffer((void *)bytes, length, &out, width, "height", height, "size", VIPS_SIZE_DOWN,
                            "export_profile", "srgb", "option_string", "fail_on=error", NULL))
    return NULL;
  out = to_srgb(out);
  if (!out) return NULL;
  /* Decoded now, whole, into memory: the smaller sizes and both encodings read it
     again, and a damaged file fails here. */
  VipsImage *memory = vips_image_copy_memory(out);
  g_object_unref(out);
  return memory;
}

void *bantin_vips_resize(void *image, int width, int height) {
  VipsImage *out = NULL;
  if (vips_thumbnail_image((VipsImage *)image, &out, width, "height", height, "size", VIPS_SIZE_DOWN, NULL))
    return NULL;
  return to_srgb(out);
}

void *bantin_vips_square(void *image, int size) {
  if (size <= 0) return NULL;
  VipsImage *fitted = NULL;
  if (vips_thumbnail_image((VipsImage *)image, &fitted, size, "height", size, NULL)) return NULL;
  if (!vips_image_hasalpha(fitted)) {
    VipsImage *opaque = NULL;
    int failed = vips_addalpha(fitted, &opaque, NULL);
    g_object_unref(fitted);
    if (failed) return NULL;
    fitted = opaque;
  }
  double clear[4] = {0, 0, 0, 0};
  VipsArrayDouble *background = vips_array_double_new(clear, 4);
  VipsImage *square = NULL;
  int failed = vips_gravity(fitted, &square, VIPS_COMPASS_DIRECTION_CENTRE, size, size, "extend",
                            VIPS_EXTEND_BACKGROUND, "background", background, NULL);
  vips_area_unref(VIPS_AREA(background));
  g_object_unref(fitted);
  return failed ? NULL : square;
}

void *bantin_vips_cover(void *image, int width, int height, double focus_x, double focus_y) {
  VipsImage *in = (VipsImage *)image;
  int from_width = vips_image_get_width(in), from_height = vips_image_get_height(in);
  if (width <= 0 || height <= 0 || from_width <= 0 || from_height <= 0) return NULL;
  double scale = (double)width / from_width;
  if ((double)height / from_height > scale) scale = (double)height / from_height;
  int scaled_width = (int)(from_width * scale + 0.999), scaled_height = (int)(from_height * scale + 0.999);
  if (scaled_width < width) scaled_width = width;
  if (scaled_height < height) scaled_height = height;
  VipsImage *scaled = NULL;
  if (vips_thumbnail_image(in, &scaled, scaled_width, "height", scaled_height, "size", VIPS_SIZE_FORCE, NULL))
    return NULL;
  int left = (int)(focus_x * scaled_width - width / 2.0 + 0.5);
  int top = (int)(focus_y * scaled_height - height / 2.0 + 0.5);
  if (left > scaled_width - width) left = scaled_width - width;
  if (top > scaled_height - height) top = scaled_height - height;
  if (left < 0) left = 0;
  if (top < 0) top = 0;
  VipsImage *cut = NULL;
  int failed = vips_extract_area(scaled, &cut, left, top, width, height, NULL);
  g_object_unref(scaled);
  if (failed) return NULL;
  if (vips_image_hasalpha(cut)) {
    VipsImage *flat = NULL;
    double white[3] = {255, 255, 255};
    VipsArrayDouble *background = vips_array_double_new(white, 3);
    failed = vips_flatten(cut, &flat, "background", background, NULL);
    vips_area_unref(VIPS_AREA(background));
    g_object_unref(cut);
    if (failed) return NULL;
    cut = flat;
  }
  return to_srgb(cut);
}

void *bantin_vips_stripped(void *image) {
  VipsImage *out = NULL;
  if (vips_copy((VipsImage *)image, &out, NULL)) return NULL;
  gchar **fields = vips_image_get_fields(out);
  for (int i = 0; fields[i]; i++) {
    /* The image's own header fields (width, bands, …) cannot be removed and stay. */
    vips_image_remove(out, fields[i]);
  }
  g_strfreev(fields);
  return out;
}

int bantin_vips_width(void *image) { return vips_image_get_width((VipsImage *)image); }
int bantin_vips_height(void *image) { return vips_image_get_height((VipsImage *)image); }
int bantin_vips_bands(void *image) { return vips_image_get_bands((VipsImage *)image); }
int bantin_vips_is_srgb(void *image) {
  return vips_image_get_interpretation((VipsImage *)image) == VIPS_INTERPRETATION_sRGB;
}

int bantin_vips_save_webp(void *image, int quality, void **bytes, size_t *length) {
  return vips_webpsave_buffer((VipsImage *)image, bytes, length, "Q", quality, "strip", TRUE, "effort", 4, NULL);
}

int bantin_vips_save_jpeg(void *image, int quality, void **bytes, size_t *length) {
  return vips_jpegsave_buffer((VipsImage *)image, bytes, length, "Q", quality, "strip", TRUE, "optimize_coding",
                              TRUE, "interlace", TRUE, NULL);
}

int bantin_vips_save_png(void *image, void **bytes, size_t *length) {
  return vips_pngsave_buffer((VipsImage *)image, bytes, length, "strip", TRUE, "compression", 6, NULL);
}

/* `count` bands joined into one image of `interpretation`. */
static int joined(VipsImage **bands, int count, VipsInterpretation interpretation, VipsImage **out) {
  VipsImage *image = NULL;
  if (vips_bandjoin(bands, &image, count, NULL)) return -1;
  int failed = vips_copy(image, out, "interpretation", interpretation, NULL);
  g_object_unref(image);
  return failed;
}

int bantin_vips_test_image(int width, int height, int kind, void **bytes, size_t *length) {
  VipsImage *xyz = NULL, *scaled = NULL, *image = NULL;
  if (vips_xyz(&xyz, width, height, NULL)) return -1;
  /* Two bands of coordinates → a smooth pattern of bytes. */
  int failed = vips_linear1(xyz, &scaled, 255.0 / (width > height ? width : height), 0, "uchar", TRUE, NULL);
  g_object_unref(xyz);
  if (failed) return -1;
  VipsImage *first = NULL, *second = NULL;
  vips_extract_band(scaled, &first, 0, NULL);
  vips_extract_band(scaled, &second, 1, NULL);
  g_object_unref(scaled);
  if (!first || !second) return -1;
  VipsImage *bands[4] = {first, second, first, second};
  if (kind == 1) {
    failed = vips_copy(first, &image, "interpretation", VIPS_INTERPRETATION_B_W, NULL);
  } else {
    failed = joined(bands, kind == 0 ? 3 : 4, kind == 2 ? VIPS_INTERPRETATION_CMYK : VIPS_INTERPRETATION_sRGB, &image);
  }
  g_object_unref(first);
  g_object_unref(second);
  if (failed || !image) return -1;
  failed = kind == 3 ? vips_pngsave_buffer(image, bytes, length, NULL)
                     : vips_jpegsave_buffer(image, bytes, length, "Q", 90, NULL);
  g_object_unref(image);
  return failed;
}

void bantin_vips_release(void *image) {
  if (image) g_object_unref((VipsImage *)image);
}

void bantin_vips_free(void *bytes) { g_free(bytes); }

char *bantin_vips_take_error(void) {
  char *copy = vips_error_buffer_copy();
  return copy;
}

const char *bantin_vips_version(void) { return vips_version_string(); }
