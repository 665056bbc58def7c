/* Included (with -include) when compiling a generated model for an app: per-op profiling. */
#ifndef TF_APP_HOOKS_H
#define TF_APP_HOOKS_H
void tf_app_op_begin(int op);
void tf_app_op_end(int op);
#define TF_OP_BEGIN(i) tf_app_op_begin(i)
#define TF_OP_END(i) tf_app_op_end(i)
#endif
