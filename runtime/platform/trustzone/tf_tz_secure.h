/* Inside the secure image: the model the entries serve, and the boot steps. */
#ifndef TF_TZ_SECURE_H
#define TF_TZ_SECURE_H

#include "tf_protocol.h"

/* The model as the non-secure side sees it through the entries (invoke measured, stats kept
 * current); NULL when it failed to initialise. */
const tf_proto_model_t *tf_tz_model(void);

/* SAU, memory and peripheral protection controllers, fault enables (tf_tz_config.c). */
void tf_tz_configure(void);

/* Sets up the non-secure vector table and stack and branches there; never returns. */
void tf_tz_start_nonsecure(void) __attribute__((noreturn));

#endif /* TF_TZ_SECURE_H */
