/* CRC-32 and the COBS writer of the protocol server (docs/protocol.md, section 1). */
#include "tf_proto_wire.h"

#define TF_PROTO_COBS_MAX_RUN 254

/* Nibble table: 64 bytes of flash instead of 1 KB, fast enough for UART rates. */
static const uint32_t crc_nibble[16] = {
    0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u,
    0x4DB26158u, 0x5005713Cu, 0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
    0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu};

uint32_t tf_proto_crc32(uint32_t crc, const uint8_t *data, size_t len) {
  size_t i;
  crc = ~crc;
  for (i = 0; i < len; i++) {
    crc ^= data[i];
    crc = (crc >> 4) ^ crc_nibble[crc & 0x0Fu];
    crc = (crc >> 4) ^ crc_nibble[crc & 0x0Fu];
  }
  return ~crc;
}

void tf_proto_cobs_write(const uint8_t *data, size_t n, const tf_proto_io_t *io) {
  static const uint8_t delimiter = 0;
  size_t i = 0;
  io->write(&delimiter, 1, io->user);
  for (;;) {
    size_t run = 0;
    uint8_t code;
    while (i + run < n && run < TF_PROTO_COBS_MAX_RUN && data[i + run] != 0) run++;
    code = (uint8_t)(run + 1);
    io->write(&code, 1, io->user);
    if (run) io->write(data + i, run, io->user);
    i += run;
    if (i == n) break;
    /* A full block carries no implied zero; any other block stopped at one. */
    if (run < TF_PROTO_COBS_MAX_RUN) i++;
  }
  io->write(&delimiter, 1, io->user);
}
