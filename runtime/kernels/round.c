/* ROUND: TFLM round.cc + reference/round.h RoundToNearest. */
#include "round.h"

#include <math.h>

/*
 * Floor, then up when the fraction exceeds one half or is one half above an odd floor. The
 * fraction in float rounds only for inputs in (-1, 0), where the floor is odd and the outcome
 * (at least one half or not) is the same as with the exact fraction.
 */
static inline float round_to_nearest(float value) {
  const float floor_val = floorf(value);
  const float diff = value - floor_val;
  const float half_floor = floor_val * 0.5f;
  const int even = floorf(half_floor) == half_floor;
  if (diff < 0.5f || (diff == 0.5f && even)) return floor_val;
  return floor_val + 1.0f;
}

void tf_round_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = round_to_nearest(input[i]);
}
