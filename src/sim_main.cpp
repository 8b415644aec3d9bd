// insightd-sim: placeholder until the simulator lands.
#include <cstdio>
int main() { std::fprintf(stderr, "insightd-sim: not implemented yet\n"); return 1; }
