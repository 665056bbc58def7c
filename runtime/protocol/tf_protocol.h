/*
 * tinyforge device protocol server (see docs/protocol.md for the wire format).
 *
 * Byte-fed and allocation-free: the application owns the model, its I/O buffers and the
 * transport; the server owns one frame buffer. Feed every received byte to
 * tf_proto_server_feed(); complete frames are handled synchronously and the reply goes out
 * through io->write before feed returns.
 *
 * Build: compile every .c file in runtime/protocol/ (tf_protocol.c, tf_proto_wire.c) with this
 * folder on the include path; override TF_PROTO_MAX_PAYLOAD with -D to trade RAM for speed.
 * RAM: one tf_proto_server_t, about TF_PROTO_MAX_PAYLOAD + 40 bytes.
 */
#ifndef TF_PROTOCOL_H
#define TF_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

#ifndef TF_PROTO_MAX_PAYLOAD
#define TF_PROTO_MAX_PAYLOAD 1024
#endif
#if TF_PROTO_MAX_PAYLOAD < 512 || TF_PROTO_MAX_PAYLOAD > 65535
#error "TF_PROTO_MAX_PAYLOAD must be within 512..65535 (one INFO tensor spec must fit)"
#endif

#define TF_PROTO_VERSION 1
#define TF_PROTO_HEADER_BYTES 5
#define TF_PROTO_CRC_BYTES 4
#define TF_PROTO_MAX_FRAME (TF_PROTO_HEADER_BYTES + TF_PROTO_MAX_PAYLOAD + TF_PROTO_CRC_BYTES)
#define TF_PROTO_HASH_BYTES 8
#define TF_PROTO_MAX_RANK 8
#define TF_PROTO_MAX_STRING 63
#define TF_PROTO_SEQ_NONE 0xFFFFu

/* Message types; a response is the request type | TF_PROTO_RESPONSE. */
enum {
  TF_PROTO_PING = 0x01,
  TF_PROTO_INFO = 0x02,
  TF_PROTO_SET_INPUT = 0x03,
  TF_PROTO_INVOKE = 0x04,
  TF_PROTO_GET_OUTPUT = 0x05,
  TF_PROTO_STATS = 0x06,
  TF_PROTO_RESET = 0x07,
  TF_PROTO_RESPONSE = 0x80,
  TF_PROTO_ERROR = 0xFF
};

/* ERROR codes (docs/protocol.md, section 3). */
enum {
  TF_PROTO_ERR_BAD_CRC = 1,
  TF_PROTO_ERR_BAD_COBS = 2,
  TF_PROTO_ERR_TRUNCATED = 3,
  TF_PROTO_ERR_OVERSIZE = 4,
  TF_PROTO_ERR_UNKNOWN_TYPE = 5,
  TF_PROTO_ERR_BAD_LENGTH = 6,
  TF_PROTO_ERR_BAD_INDEX = 7,
  TF_PROTO_ERR_BAD_RANGE = 8,
  TF_PROTO_ERR_INVOKE_FAILED = 9,
  TF_PROTO_ERR_RESET_FAILED = 10,
  TF_PROTO_ERR_UNSUPPORTED = 11
};

/* Unit of the counts in tf_proto_stats_t. */
enum {
  TF_PROTO_UNIT_NONE = 0,
  TF_PROTO_UNIT_INSTRUCTIONS = 1,
  TF_PROTO_UNIT_CYCLES = 2,
  TF_PROTO_UNIT_TICKS = 3
};

/* One input or output tensor; `data` is the application's buffer of byte_size bytes. */
typedef struct {
  const char *name;
  uint8_t dtype; /* TFLite TensorType code, e.g. 9 = int8 */
  uint8_t rank;  /* <= TF_PROTO_MAX_RANK */
  const int32_t *dims;
  float scale;
  int32_t zero_point;
  uint32_t byte_size;
  uint8_t *data;
} tf_proto_tensor_t;

/* Figures of the last invoke; the application refreshes them (typically in invoke). */
typedef struct {
  uint8_t unit; /* TF_PROTO_UNIT_* */
  uint64_t total;
  const uint64_t *per_op; /* per_op_count entries, may be NULL when per_op_count is 0 */
  uint16_t per_op_count;
  uint32_t arena_size_bytes;
  uint32_t arena_used_bytes;
  uint32_t stack_used_bytes;
  uint32_t ram_bytes;
} tf_proto_stats_t;

typedef struct {
  const char *runtime_version;
  const char *board_name;
  const char *model_name;
  uint8_t model_hash[TF_PROTO_HASH_BYTES];
  const tf_proto_tensor_t *inputs;
  uint8_t n_inputs;
  const tf_proto_tensor_t *outputs;
  uint8_t n_outputs;
  int (*invoke)(void *user);       /* required; 0 = success */
  int (*reset)(void *user);        /* optional; NULL = the model has no state */
  const tf_proto_stats_t *stats;   /* optional; NULL = STATS answers UNSUPPORTED */
  void *user;                      /* passed to invoke and reset */
} tf_proto_model_t;

typedef struct {
  /* Blocking: returns once all len bytes are queued or sent. */
  void (*write)(const uint8_t *data, size_t len, void *user);
  void *user;
} tf_proto_io_t;

typedef struct {
  const tf_proto_model_t *model;
  const tf_proto_io_t *io;
  uint32_t invoke_count;
  /* The ERROR a handler asked for: detail and a static text. */
  int32_t fault_detail;
  const char *fault_text;
  /* Receive state: streaming COBS decoder into frame[]. */
  size_t rx_len;
  uint8_t block_left;  /* data bytes still expected in the current COBS block */
  uint8_t block_code;  /* code byte of the current block, 0 before the first */
  uint8_t rx_overflow; /* more bytes than frame[] holds arrived since the last delimiter */
  uint8_t frame[TF_PROTO_MAX_FRAME];
} tf_proto_server_t;

/* Returns 0, or -1 when the descriptor is unusable (NULL invoke or write, rank too large). */
int tf_proto_server_init(tf_proto_server_t *srv, const tf_proto_model_t *model,
                         const tf_proto_io_t *io);

/* Feed one received byte; replies are written before this returns. */
void tf_proto_server_feed(tf_proto_server_t *srv, uint8_t byte);

/* CRC-32 (IEEE, reflected); pass 0 as crc to start, the previous result to continue. */
uint32_t tf_proto_crc32(uint32_t crc, const uint8_t *data, size_t len);

#endif /* TF_PROTOCOL_H */
