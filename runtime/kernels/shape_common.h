/*
 * Shared element movers of the shape / data-movement ops (mirrors src/kernels/common/shape.ts).
 * These ops never interpret elements, only move them by width (1, 2, 4 or 8 bytes), so most of
 * them are one of the generic copies below with constants the code generator derived:
 * - tf_strided_copy: the output walked in order, the input at an affine offset per axis
 *   (STRIDED_SLICE, SLICE, TRANSPOSE, DEPTH_TO_SPACE, SPACE_TO_DEPTH, REVERSE_V2, BROADCAST_TO);
 * - tf_mapped_copy: the input offset is a per-axis table lookup summed over the axes
 *   (MIRROR_PAD, TILE, BATCH_TO_SPACE_ND, and whatever is not affine);
 * - tf_concat_chunks / tf_split_chunks: CONCATENATION, PACK, SPLIT, SPLIT_V, UNPACK;
 * - tf_fill_elements: FILL and the borders of PAD.
 * Input and output must not overlap. C99, string.h only.
 */
#ifndef TF_KERNEL_SHAPE_COMMON_H
#define TF_KERNEL_SHAPE_COMMON_H

#include <stdint.h>

/* Axes of the generic copies; callers pad with leading axes of count 1. */
#define TF_COPY_RANK 6

typedef struct {
  int32_t width;  /* element bytes: 1, 2, 4 or 8 */
  int32_t offset; /* input element offset of the first output element */
  /* Output extent per axis (row-major, last axis fastest). */
  int32_t count[TF_COPY_RANK];
  /* Input element step per output index on each axis (negative reverses, 0 repeats). */
  int32_t step[TF_COPY_RANK];
} tf_strided_copy_t;

typedef struct {
  int32_t width;
  /* Contiguous input elements copied for each index of the last axis. */
  int32_t run;
  int32_t count[TF_COPY_RANK];
  /* count[0] + ... + count[5] byte offsets: per axis, what each output index adds to the input offset. */
  const int32_t *offsets;
} tf_mapped_copy_t;

typedef struct {
  int32_t outer; /* repetitions of the whole part sequence */
  int32_t parts;
  const int32_t *part_bytes; /* bytes each part contributes per repetition */
} tf_chunks_t;

void tf_strided_copy(const tf_strided_copy_t *p, const void *input, void *output);
void tf_mapped_copy(const tf_mapped_copy_t *p, const void *input, void *output);
/* output = per repetition, part 0, part 1, ... from inputs[i] read sequentially. */
void tf_concat_chunks(const tf_chunks_t *p, const void *const *inputs, void *output);
/* The inverse: input read sequentially, dealt to outputs[i]. */
void tf_split_chunks(const tf_chunks_t *p, const void *input, void *const *outputs);
/* count elements of `width` bytes set to the element at `value` (any alignment). */
void tf_fill_elements(void *output, const void *value, int32_t width, int32_t count);

#endif
