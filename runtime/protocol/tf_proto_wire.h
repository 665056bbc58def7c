/* Internal to runtime/protocol: little-endian fields and the COBS writer. */
#ifndef TF_PROTO_WIRE_H
#define TF_PROTO_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "tf_protocol.h"

static inline void tf_proto_put_u16(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
}

static inline void tf_proto_put_u32(uint8_t *p, uint32_t v) {
  tf_proto_put_u16(p, v & 0xFFFFu);
  tf_proto_put_u16(p + 2, v >> 16);
}

static inline void tf_proto_put_u64(uint8_t *p, uint64_t v) {
  tf_proto_put_u32(p, (uint32_t)v);
  tf_proto_put_u32(p + 4, (uint32_t)(v >> 32));
}

static inline uint16_t tf_proto_get_u16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }

static inline uint32_t tf_proto_get_u32(const uint8_t *p) {
  return (uint32_t)tf_proto_get_u16(p) | ((uint32_t)tf_proto_get_u16(p + 2) << 16);
}

/* Sends 0x00, COBS(data[0..n)), 0x00 through io->write without an encode buffer. */
void tf_proto_cobs_write(const uint8_t *data, size_t n, const tf_proto_io_t *io);

#endif /* TF_PROTO_WIRE_H */
