/*
 * Native "device": the generated model behind the device protocol on stdin/stdout, so the
 * host runs exactly the code path a board runs (tinyforge run --device native).
 */
#include <stdio.h>
#include <time.h>

#include "tf_app.h"
#include "tf_protocol.h"

static void host_write(const uint8_t *data, size_t len, void *user) {
  (void)user;
  fwrite(data, 1, len, stdout);
  fflush(stdout);
}

void tf_app_counter_start(void) {}
uint64_t tf_app_counter_read(void) { return 0; }
uint8_t tf_app_counter_unit(void) { return TF_PROTO_UNIT_NONE; }

int main(void) {
  static tf_proto_server_t server;
  const tf_proto_io_t io = {host_write, NULL};
  const tf_proto_model_t *model = tf_app_init("host");
  int c;
  if (model == NULL || tf_proto_server_init(&server, model, &io) != 0) {
    fputs("tinyforge native: model initialization failed\n", stderr);
    return 1;
  }
  while ((c = getchar()) != EOF) tf_proto_server_feed(&server, (uint8_t)c);
  return 0;
}
