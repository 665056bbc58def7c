/* tinyforge device protocol server; the wire format is docs/protocol.md. */
#include "tf_protocol.h"

#include <string.h>

#include "tf_proto_wire.h"

#define TF_PROTO_INFO_FIXED 16
#define TF_PROTO_STATS_FIXED 36
#define TF_PROTO_ERROR_FIXED 6
#define TF_PROTO_STATS_PER_PAGE ((TF_PROTO_MAX_PAYLOAD - TF_PROTO_STATS_FIXED) / 8)

static size_t clipped_len(const char *s) {
  size_t n = s ? strlen(s) : 0;
  return n > TF_PROTO_MAX_STRING ? TF_PROTO_MAX_STRING : n;
}

static size_t put_str(uint8_t *p, const char *s) {
  size_t n = clipped_len(s);
  p[0] = (uint8_t)n;
  if (n) memcpy(p + 1, s, n);
  return n + 1;
}

/* The payload is already at frame + header; adds header and CRC, then sends. */
static void send_frame(tf_proto_server_t *srv, uint8_t type, uint16_t seq, size_t len) {
  uint8_t *f = srv->frame;
  size_t body = TF_PROTO_HEADER_BYTES + len;
  f[0] = type;
  tf_proto_put_u16(f + 1, seq);
  tf_proto_put_u16(f + 3, (uint32_t)len);
  tf_proto_put_u32(f + body, tf_proto_crc32(0, f, body));
  tf_proto_cobs_write(f, body + TF_PROTO_CRC_BYTES, srv->io);
}

/* Texts are short literals, far below the max payload. */
static void send_error(tf_proto_server_t *srv, uint16_t seq, int code) {
  uint8_t *p = srv->frame + TF_PROTO_HEADER_BYTES;
  size_t n = strlen(srv->fault_text);
  tf_proto_put_u16(p, (uint32_t)code);
  tf_proto_put_u32(p + 2, (uint32_t)srv->fault_detail);
  memcpy(p + TF_PROTO_ERROR_FIXED, srv->fault_text, n);
  send_frame(srv, TF_PROTO_ERROR, seq, TF_PROTO_ERROR_FIXED + n);
}

static void reply(tf_proto_server_t *srv, uint8_t request_type, uint16_t seq, size_t len) {
  send_frame(srv, (uint8_t)(request_type | TF_PROTO_RESPONSE), seq, len);
}

/* True when [offset, offset + n) lies inside size bytes; written so it cannot overflow. */
static int in_range(uint32_t offset, uint32_t n, uint32_t size) {
  return offset <= size && n <= size - offset;
}

static size_t spec_bytes(const tf_proto_tensor_t *t) {
  return 1 + clipped_len(t->name) + 2 + 4u * t->rank + 12;
}

static size_t put_spec(uint8_t *p, const tf_proto_tensor_t *t) {
  size_t pos = put_str(p, t->name);
  uint32_t scale_bits;
  uint8_t d;
  p[pos++] = t->dtype;
  p[pos++] = t->rank;
  for (d = 0; d < t->rank; d++, pos += 4) tf_proto_put_u32(p + pos, (uint32_t)t->dims[d]);
  memcpy(&scale_bits, &t->scale, sizeof scale_bits);
  tf_proto_put_u32(p + pos, scale_bits);
  tf_proto_put_u32(p + pos + 4, (uint32_t)t->zero_point);
  tf_proto_put_u32(p + pos + 8, t->byte_size);
  return pos + 12;
}

static const tf_proto_tensor_t *tensor_at(const tf_proto_model_t *m, unsigned index) {
  return index < m->n_inputs ? &m->inputs[index] : &m->outputs[index - m->n_inputs];
}

/* Handlers return 0 after replying, or an ERROR code with srv->fault_* set for dispatch. */
static int fail(tf_proto_server_t *srv, int code, uint32_t detail, const char *text) {
  srv->fault_detail = (int32_t)detail;
  srv->fault_text = text;
  return code;
}

static int handle_info(tf_proto_server_t *srv, uint16_t seq, size_t n) {
  const tf_proto_model_t *m = srv->model;
  uint8_t *p = srv->frame + TF_PROTO_HEADER_BYTES;
  unsigned total = (unsigned)m->n_inputs + m->n_outputs;
  unsigned first = n == 1 ? p[0] : 0;
  unsigned t;
  size_t pos = TF_PROTO_INFO_FIXED;
  if (n > 1) return fail(srv, TF_PROTO_ERR_BAD_LENGTH, (uint32_t)n, "INFO takes 0 or 1 byte");
  if (first > total) return fail(srv, TF_PROTO_ERR_BAD_INDEX, first, "no such tensor");
  tf_proto_put_u16(p, TF_PROTO_VERSION);
  tf_proto_put_u16(p + 2, TF_PROTO_MAX_PAYLOAD);
  memcpy(p + 4, m->model_hash, TF_PROTO_HASH_BYTES);
  p[12] = m->n_inputs;
  p[13] = m->n_outputs;
  p[14] = (uint8_t)first;
  pos += put_str(p + pos, m->runtime_version);
  pos += put_str(p + pos, m->board_name);
  pos += put_str(p + pos, m->model_name);
  for (t = first; t < total && pos + spec_bytes(tensor_at(m, t)) <= TF_PROTO_MAX_PAYLOAD; t++) {
    pos += put_spec(p + pos, tensor_at(m, t));
  }
  p[15] = (uint8_t)(t - first);
  reply(srv, TF_PROTO_INFO, seq, pos);
  return 0;
}

static int handle_set_input(tf_proto_server_t *srv, uint16_t seq, size_t n) {
  const uint8_t *p = srv->frame + TF_PROTO_HEADER_BYTES;
  const tf_proto_tensor_t *t;
  uint32_t offset, count;
  if (n < 5) return fail(srv, TF_PROTO_ERR_BAD_LENGTH, (uint32_t)n, "SET_INPUT needs 5+ bytes");
  if (p[0] >= srv->model->n_inputs) return fail(srv, TF_PROTO_ERR_BAD_INDEX, p[0], "no such input");
  t = &srv->model->inputs[p[0]];
  offset = tf_proto_get_u32(p + 1);
  count = (uint32_t)(n - 5);
  if (!in_range(offset, count, t->byte_size)) {
    return fail(srv, TF_PROTO_ERR_BAD_RANGE, t->byte_size, "input range outside the tensor");
  }
  memcpy(t->data + offset, p + 5, count);
  reply(srv, TF_PROTO_SET_INPUT, seq, 0);
  return 0;
}

static int handle_get_output(tf_proto_server_t *srv, uint16_t seq, size_t n) {
  uint8_t *p = srv->frame + TF_PROTO_HEADER_BYTES;
  const tf_proto_tensor_t *t;
  uint32_t offset, length;
  if (n != 9) return fail(srv, TF_PROTO_ERR_BAD_LENGTH, (uint32_t)n, "GET_OUTPUT takes 9 bytes");
  if (p[0] >= srv->model->n_outputs) return fail(srv, TF_PROTO_ERR_BAD_INDEX, p[0], "no such output");
  t = &srv->model->outputs[p[0]];
  offset = tf_proto_get_u32(p + 1);
  length = tf_proto_get_u32(p + 5);
  if (length > TF_PROTO_MAX_PAYLOAD) {
    return fail(srv, TF_PROTO_ERR_BAD_LENGTH, length, "length above the max payload");
  }
  if (!in_range(offset, length, t->byte_size)) {
    return fail(srv, TF_PROTO_ERR_BAD_RANGE, t->byte_size, "output range outside the tensor");
  }
  memcpy(p, t->data + offset, length);
  reply(srv, TF_PROTO_GET_OUTPUT, seq, length);
  return 0;
}

static void put_stats_fixed(uint8_t *p, const tf_proto_stats_t *s, uint32_t invokes, unsigned ops) {
  tf_proto_put_u32(p, invokes);
  p[4] = s->unit;
  p[5] = 0;
  tf_proto_put_u16(p + 6, ops);
  tf_proto_put_u64(p + 8, s->total);
  tf_proto_put_u32(p + 16, s->arena_size_bytes);
  tf_proto_put_u32(p + 20, s->arena_used_bytes);
  tf_proto_put_u32(p + 24, s->stack_used_bytes);
  tf_proto_put_u32(p + 28, s->ram_bytes);
}

static int handle_stats(tf_proto_server_t *srv, uint16_t seq, size_t n) {
  const tf_proto_stats_t *s = srv->model->stats;
  uint8_t *p = srv->frame + TF_PROTO_HEADER_BYTES;
  unsigned first = n == 2 ? tf_proto_get_u16(p) : 0;
  unsigned ops, count, i;
  if (n != 0 && n != 2) return fail(srv, TF_PROTO_ERR_BAD_LENGTH, (uint32_t)n, "STATS takes 0 or 2 bytes");
  if (!s) return fail(srv, TF_PROTO_ERR_UNSUPPORTED, 0, "no statistics on this device");
  ops = s->per_op ? s->per_op_count : 0;
  if (first > ops) return fail(srv, TF_PROTO_ERR_BAD_INDEX, first, "no such op");
  count = ops - first;
  if (count > TF_PROTO_STATS_PER_PAGE) count = TF_PROTO_STATS_PER_PAGE;
  put_stats_fixed(p, s, srv->invoke_count, ops);
  tf_proto_put_u16(p + 32, first);
  tf_proto_put_u16(p + 34, count);
  for (i = 0; i < count; i++) tf_proto_put_u64(p + TF_PROTO_STATS_FIXED + 8 * i, s->per_op[first + i]);
  reply(srv, TF_PROTO_STATS, seq, TF_PROTO_STATS_FIXED + 8 * count);
  return 0;
}

static int handle_invoke(tf_proto_server_t *srv, uint16_t seq, size_t n) {
  int status;
  if (n != 0) return fail(srv, TF_PROTO_ERR_BAD_LENGTH, (uint32_t)n, "INVOKE takes no payload");
  status = srv->model->invoke(srv->model->user);
  if (status != 0) return fail(srv, TF_PROTO_ERR_INVOKE_FAILED, (uint32_t)status, "invoke failed");
  srv->invoke_count++;
  reply(srv, TF_PROTO_INVOKE, seq, 0);
  return 0;
}

static int handle_reset(tf_proto_server_t *srv, uint16_t seq, size_t n) {
  int status = 0;
  if (n != 0) return fail(srv, TF_PROTO_ERR_BAD_LENGTH, (uint32_t)n, "RESET takes no payload");
  if (srv->model->reset) status = srv->model->reset(srv->model->user);
  if (status != 0) return fail(srv, TF_PROTO_ERR_RESET_FAILED, (uint32_t)status, "reset failed");
  reply(srv, TF_PROTO_RESET, seq, 0);
  return 0;
}

static int handle_request(tf_proto_server_t *srv, uint8_t type, uint16_t seq, size_t n) {
  switch (type) {
    case TF_PROTO_PING:
      reply(srv, TF_PROTO_PING, seq, n);
      return 0;
    case TF_PROTO_INFO: return handle_info(srv, seq, n);
    case TF_PROTO_SET_INPUT: return handle_set_input(srv, seq, n);
    case TF_PROTO_INVOKE: return handle_invoke(srv, seq, n);
    case TF_PROTO_GET_OUTPUT: return handle_get_output(srv, seq, n);
    case TF_PROTO_STATS: return handle_stats(srv, seq, n);
    case TF_PROTO_RESET: return handle_reset(srv, seq, n);
    default: return fail(srv, TF_PROTO_ERR_UNKNOWN_TYPE, type, "unknown message type");
  }
}

/* Checks a complete decoded frame (docs/protocol.md, "Receiving a frame"); returns its fault. */
static int check_frame(tf_proto_server_t *srv) {
  const uint8_t *f = srv->frame;
  size_t n = srv->rx_len;
  size_t len;
  if (n < TF_PROTO_HEADER_BYTES + TF_PROTO_CRC_BYTES) {
    return fail(srv, TF_PROTO_ERR_TRUNCATED, (uint32_t)n, "frame too short");
  }
  len = tf_proto_get_u16(f + 3);
  if (len > TF_PROTO_MAX_PAYLOAD) return fail(srv, TF_PROTO_ERR_OVERSIZE, TF_PROTO_MAX_PAYLOAD, "payload too large");
  if (n != TF_PROTO_HEADER_BYTES + len + TF_PROTO_CRC_BYTES) {
    return fail(srv, TF_PROTO_ERR_TRUNCATED, (uint32_t)n, "frame length mismatch");
  }
  if (tf_proto_crc32(0, f, n - TF_PROTO_CRC_BYTES) != tf_proto_get_u32(f + n - TF_PROTO_CRC_BYTES)) {
    return fail(srv, TF_PROTO_ERR_BAD_CRC, 0, "CRC mismatch");
  }
  return 0;
}

static void end_of_frame(tf_proto_server_t *srv) {
  int fault;
  uint16_t seq;
  if (srv->block_code == 0) return; /* empty frame between two delimiters */
  if (srv->rx_overflow) {
    fault = fail(srv, TF_PROTO_ERR_OVERSIZE, TF_PROTO_MAX_PAYLOAD, "frame too large");
  } else if (srv->block_left != 0) {
    fault = fail(srv, TF_PROTO_ERR_BAD_COBS, 0, "bad COBS encoding");
  } else {
    fault = check_frame(srv);
  }
  if (fault) {
    send_error(srv, TF_PROTO_SEQ_NONE, fault);
    return;
  }
  seq = tf_proto_get_u16(srv->frame + 1);
  fault = handle_request(srv, srv->frame[0], seq, tf_proto_get_u16(srv->frame + 3));
  if (fault) send_error(srv, seq, fault);
}

static void store(tf_proto_server_t *srv, uint8_t byte) {
  if (srv->rx_len < TF_PROTO_MAX_FRAME) {
    srv->frame[srv->rx_len++] = byte;
  } else {
    srv->rx_overflow = 1;
  }
}

static void reset_rx(tf_proto_server_t *srv) {
  srv->rx_len = 0;
  srv->block_left = 0;
  srv->block_code = 0;
  srv->rx_overflow = 0;
}

void tf_proto_server_feed(tf_proto_server_t *srv, uint8_t byte) {
  if (byte == 0) {
    end_of_frame(srv);
    reset_rx(srv);
  } else if (srv->block_left == 0) {
    /* A code byte: the previous block, unless full, ended with an implied zero. */
    if (srv->block_code != 0 && srv->block_code != 0xFF) store(srv, 0);
    srv->block_code = byte;
    srv->block_left = (uint8_t)(byte - 1);
  } else {
    store(srv, byte);
    srv->block_left--;
  }
}

int tf_proto_server_init(tf_proto_server_t *srv, const tf_proto_model_t *model,
                         const tf_proto_io_t *io) {
  uint8_t i;
  if (!srv || !model || !io || !model->invoke || !io->write) return -1;
  if ((model->n_inputs && !model->inputs) || (model->n_outputs && !model->outputs)) return -1;
  for (i = 0; i < model->n_inputs; i++) {
    if (model->inputs[i].rank > TF_PROTO_MAX_RANK || !model->inputs[i].data) return -1;
  }
  for (i = 0; i < model->n_outputs; i++) {
    if (model->outputs[i].rank > TF_PROTO_MAX_RANK || !model->outputs[i].data) return -1;
  }
  srv->model = model;
  srv->io = io;
  srv->invoke_count = 0;
  reset_rx(srv);
  return 0;
}
