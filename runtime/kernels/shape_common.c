/* Generic element movers of the shape / data-movement ops: see shape_common.h. */
#include "shape_common.h"

#include <stddef.h>
#include <string.h>

void tf_fill_elements(void *output, const void *value, int32_t width, int32_t count) {
  const uint8_t *v = (const uint8_t *)value;
  int uniform = 1;
  for (int32_t i = 1; i < width; ++i) uniform &= v[i] == v[0];
  if (uniform) { /* every byte equal (always for width 1, and for the usual 0 pad): memset */
    memset(output, v[0], (size_t)count * (size_t)width);
    return;
  }
  if (width == 2) {
    uint16_t x;
    uint16_t *d = (uint16_t *)output;
    memcpy(&x, value, sizeof x);
    for (int32_t i = 0; i < count; ++i) d[i] = x;
  } else if (width == 4) {
    uint32_t x;
    uint32_t *d = (uint32_t *)output;
    memcpy(&x, value, sizeof x);
    for (int32_t i = 0; i < count; ++i) d[i] = x;
  } else {
    uint64_t x;
    uint64_t *d = (uint64_t *)output;
    memcpy(&x, value, sizeof x);
    for (int32_t i = 0; i < count; ++i) d[i] = x;
  }
}

/* n elements from in, in[0], in[step], in[2 step], ... (step in elements, any sign). */
static void copy_strided_row(uint8_t *out, const uint8_t *in, int32_t n, int32_t step, int32_t width) {
  if (step == 1) {
    memcpy(out, in, (size_t)n * (size_t)width);
  } else if (step == 0) {
    tf_fill_elements(out, in, width, n);
  } else if (width == 1) {
    for (int32_t i = 0; i < n; ++i) out[i] = in[(ptrdiff_t)i * step];
  } else if (width == 2) {
    const uint16_t *s = (const uint16_t *)(const void *)in;
    uint16_t *d = (uint16_t *)(void *)out;
    for (int32_t i = 0; i < n; ++i) d[i] = s[(ptrdiff_t)i * step];
  } else if (width == 4) {
    const uint32_t *s = (const uint32_t *)(const void *)in;
    uint32_t *d = (uint32_t *)(void *)out;
    for (int32_t i = 0; i < n; ++i) d[i] = s[(ptrdiff_t)i * step];
  } else {
    const uint64_t *s = (const uint64_t *)(const void *)in;
    uint64_t *d = (uint64_t *)(void *)out;
    for (int32_t i = 0; i < n; ++i) d[i] = s[(ptrdiff_t)i * step];
  }
}

/*
 * Offsets are accumulated as integers and only the innermost row forms a pointer, so no
 * pointer ever steps outside the tensor (negative steps included).
 */
void tf_strided_copy(const tf_strided_copy_t *p, const void *input, void *output) {
  const int32_t w = p->width;
  const int32_t *n = p->count;
  ptrdiff_t st[TF_COPY_RANK];
  for (int d = 0; d < TF_COPY_RANK; ++d) st[d] = (ptrdiff_t)p->step[d] * w;
  const uint8_t *in = (const uint8_t *)input;
  uint8_t *o = (uint8_t *)output;
  const size_t row_bytes = (size_t)n[5] * (size_t)w;
  ptrdiff_t o0 = (ptrdiff_t)p->offset * w;
  for (int32_t i0 = 0; i0 < n[0]; ++i0, o0 += st[0]) {
    ptrdiff_t o1 = o0;
    for (int32_t i1 = 0; i1 < n[1]; ++i1, o1 += st[1]) {
      ptrdiff_t o2 = o1;
      for (int32_t i2 = 0; i2 < n[2]; ++i2, o2 += st[2]) {
        ptrdiff_t o3 = o2;
        for (int32_t i3 = 0; i3 < n[3]; ++i3, o3 += st[3]) {
          ptrdiff_t o4 = o3;
          for (int32_t i4 = 0; i4 < n[4]; ++i4, o4 += st[4]) {
            copy_strided_row(o, in + o4, n[5], p->step[5], w);
            o += row_bytes;
          }
        }
      }
    }
  }
}

/* For each of the n table entries, `run` elements from in + table[i] (bytes). */
static void copy_mapped_row(uint8_t *out, const uint8_t *in, const int32_t *table, int32_t n,
                            int32_t run, int32_t width) {
  if (run != 1) {
    const size_t bytes = (size_t)run * (size_t)width;
    for (int32_t i = 0; i < n; ++i, out += bytes) memcpy(out, in + table[i], bytes);
  } else if (width == 1) {
    for (int32_t i = 0; i < n; ++i) out[i] = in[table[i]];
  } else if (width == 2) {
    uint16_t *d = (uint16_t *)(void *)out;
    for (int32_t i = 0; i < n; ++i) d[i] = *(const uint16_t *)(const void *)(in + table[i]);
  } else if (width == 4) {
    uint32_t *d = (uint32_t *)(void *)out;
    for (int32_t i = 0; i < n; ++i) d[i] = *(const uint32_t *)(const void *)(in + table[i]);
  } else {
    uint64_t *d = (uint64_t *)(void *)out;
    for (int32_t i = 0; i < n; ++i) d[i] = *(const uint64_t *)(const void *)(in + table[i]);
  }
}

void tf_mapped_copy(const tf_mapped_copy_t *p, const void *input, void *output) {
  const int32_t *n = p->count;
  const int32_t *t0 = p->offsets;
  const int32_t *t1 = t0 + n[0];
  const int32_t *t2 = t1 + n[1];
  const int32_t *t3 = t2 + n[2];
  const int32_t *t4 = t3 + n[3];
  const int32_t *t5 = t4 + n[4];
  const uint8_t *in = (const uint8_t *)input;
  uint8_t *o = (uint8_t *)output;
  const size_t row_bytes = (size_t)n[5] * (size_t)p->run * (size_t)p->width;
  for (int32_t i0 = 0; i0 < n[0]; ++i0) {
    for (int32_t i1 = 0; i1 < n[1]; ++i1) {
      const int32_t o1 = t0[i0] + t1[i1];
      for (int32_t i2 = 0; i2 < n[2]; ++i2) {
        const int32_t o2 = o1 + t2[i2];
        for (int32_t i3 = 0; i3 < n[3]; ++i3) {
          const int32_t o3 = o2 + t3[i3];
          for (int32_t i4 = 0; i4 < n[4]; ++i4) {
            copy_mapped_row(o, in + o3 + t4[i4], t5, n[5], p->run, p->width);
            o += row_bytes;
          }
        }
      }
    }
  }
}

void tf_concat_chunks(const tf_chunks_t *p, const void *const *inputs, void *output) {
  uint8_t *o = (uint8_t *)output;
  for (int32_t k = 0; k < p->outer; ++k) {
    for (int32_t i = 0; i < p->parts; ++i) {
      const size_t n = (size_t)p->part_bytes[i];
      if (n != 0) memcpy(o, (const uint8_t *)inputs[i] + (size_t)k * n, n); /* empty parts may be NULL */
      o += n;
    }
  }
}

void tf_split_chunks(const tf_chunks_t *p, const void *input, void *const *outputs) {
  const uint8_t *in = (const uint8_t *)input;
  for (int32_t k = 0; k < p->outer; ++k) {
    for (int32_t i = 0; i < p->parts; ++i) {
      const size_t n = (size_t)p->part_bytes[i];
      if (n != 0) memcpy((uint8_t *)outputs[i] + (size_t)k * n, in, n);
      in += n;
    }
  }
}
