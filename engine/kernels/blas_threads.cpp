#include "kernels/blas_threads.h"

#include <cblas.h>

#include <mutex>

namespace qd {

void useSingleThreadedBlas() {
    static std::once_flag once;
    std::call_once(once, [] { openblas_set_num_threads(1); });
}

}  // namespace qd
