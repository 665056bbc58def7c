/* CONV_2D 16x8: TFLM reference integer_ops/conv.h with int32 or int64 bias. */
#include "conv_2d_s16.h"

#include "conv_common.h"

/* sum w * x over one output channel's valid taps, int16 input (no input offset). */
static int64_t window_s16(const tf_conv_window_t *win, const int16_t *x, const int8_t *w) {
  int64_t acc = 0;
  for (int32_t r = 0; r < win->rows; ++r, x += win->in_row, w += win->w_row) {
    const int16_t *xs = x;
    const int8_t *ws = w;
    for (int32_t s = 0; s < win->segs; ++s, xs += win->in_seg, ws += win->seg) {
      for (int32_t i = 0; i < win->seg; ++i) acc += (int32_t)(ws[i] * xs[i]);
    }
  }
  return acc;
}

/* The 16x8 loop; wide selects the int64 bias and requantization, else the int32 wrap-around. */
static void conv_s16(const tf_conv_2d_q_t *p, const int16_t *input, const int8_t *filter, const int32_t *bias32,
                     const int64_t *bias64, int32_t wide, int16_t *output) {
  const tf_conv_2d_geom_t *g = &p->g;
  const int32_t filter_size = g->filter_h * g->filter_w * g->filter_d;
  for (int32_t b = 0; b < g->batches; ++b) {
    const int16_t *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        const tf_conv_window_t win = tf_conv_window_at(g, oy * g->stride_h - g->pad_h, ox * g->stride_w - g->pad_w);
        for (int32_t oc = 0; oc < g->out_d; ++oc) {
          const int32_t group = oc / g->filters_per_group;
          const int64_t sum = window_s16(&win, in_batch + win.in_first + group * g->filter_d,
                                         filter + oc * filter_size + win.w_first);
          int32_t v;
          if (wide) {
            v = tf_mbqm_int64(sum + (bias64 ? bias64[oc] : 0), p->multipliers[oc], p->shifts[oc]);
          } else {
            const uint32_t acc = (uint32_t)sum + (bias32 ? (uint32_t)bias32[oc] : 0u);
            v = tf_mbqm((int32_t)acc, p->multipliers[oc], p->shifts[oc]) + p->output_offset;
          }
          output[oc] = (int16_t)tf_clamp(v, p->act_min, p->act_max);
        }
      }
    }
  }
}

void tf_conv_2d_s16(const tf_conv_2d_q_t *p, const int16_t *input, const int8_t *filter, const int32_t *bias,
                    int16_t *output) {
  conv_s16(p, input, filter, bias, 0, 0, output);
}

void tf_conv_2d_s16_b64(const tf_conv_2d_q_t *p, const int16_t *input, const int8_t *filter,
                        const int64_t *bias, int16_t *output) {
  conv_s16(p, input, filter, 0, bias, 1, output);
}
