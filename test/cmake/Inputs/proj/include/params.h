#ifndef PARAMS_H
#define PARAMS_H
#ifndef PARAM_SCALE
#error PARAM_SCALE is defined by the params target
#endif
#endif
