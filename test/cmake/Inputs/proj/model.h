#ifndef MODEL_H
#define MODEL_H
#define MODEL_OFFSET 1.0
double energy(double x, double y);
int other();
#endif
