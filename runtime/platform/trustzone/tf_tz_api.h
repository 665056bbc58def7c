/*
 * The non-secure-callable interface of the secure image: the only way the non-secure
 * application reaches the model. The secure image defines these functions as CMSE entries
 * (veneers in the NSC region, built with -mcmse); the non-secure image links the import
 * library the secure link writes (veneers.o) and calls them like plain C functions.
 *
 * Every pointer is non-secure memory owned by the caller; the secure side checks each range
 * (cmse_check_address_range) before touching it and sizes every copy by its own tensor sizes.
 * Every function returns a TF_SEC_* status (runtime/secure/tf_secure_core.h).
 */
#ifndef TF_TZ_API_H
#define TF_TZ_API_H

#include <stdint.h>

#if defined(__ARM_FEATURE_CMSE) && (__ARM_FEATURE_CMSE & 2)
#define TF_TZ_ENTRY __attribute__((cmse_nonsecure_entry))
#else
#define TF_TZ_ENTRY
#endif

#define TF_TZ_TEXT_BYTES 64 /* names and versions, NUL-terminated */
#define TF_TZ_MAX_RANK 8

typedef struct {
  char runtime_version[TF_TZ_TEXT_BYTES];
  char board_name[TF_TZ_TEXT_BYTES];
  char model_name[TF_TZ_TEXT_BYTES];
  uint8_t model_hash[8];
  uint32_t n_inputs;
  uint32_t n_outputs;
  uint32_t op_count;
} tf_tz_info_t;

typedef struct {
  char name[TF_TZ_TEXT_BYTES];
  uint32_t dtype; /* TFLite TensorType code */
  uint32_t rank;
  int32_t dims[TF_TZ_MAX_RANK];
  float scale;
  int32_t zero_point;
  uint32_t byte_size;
} tf_tz_tensor_info_t;

/* One tensor's buffer in non-secure memory; `size` must equal the tensor's byte size. */
typedef struct {
  void *data;
  uint32_t size;
} tf_tz_buffer_t;

typedef struct {
  uint32_t unit; /* TF_PROTO_UNIT_* */
  uint32_t op_count;
  uint64_t total;
  uint32_t arena_size_bytes;
  uint32_t arena_used_bytes;
  uint32_t stack_used_bytes; /* of the secure stack */
  uint32_t ram_bytes;        /* static RAM of the secure image */
} tf_tz_stats_t;

TF_TZ_ENTRY int32_t tf_tz_get_info(tf_tz_info_t *info);
/* Tensor `index`: inputs first, then outputs. */
TF_TZ_ENTRY int32_t tf_tz_get_tensor(uint32_t index, tf_tz_tensor_info_t *tensor);
TF_TZ_ENTRY int32_t tf_tz_invoke(const tf_tz_buffer_t *inputs, uint32_t n_inputs,
                                 const tf_tz_buffer_t *outputs, uint32_t n_outputs);
/* Writes min(capacity, op_count) per-op counts of the last invoke to per_op. */
TF_TZ_ENTRY int32_t tf_tz_get_stats(tf_tz_stats_t *stats, uint64_t *per_op, uint32_t capacity);
TF_TZ_ENTRY int32_t tf_tz_reset(void);

#endif /* TF_TZ_API_H */
