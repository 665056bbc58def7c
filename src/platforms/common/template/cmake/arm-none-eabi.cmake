# CMake toolchain file: bare-metal Arm with the GNU Arm Embedded toolchain (Debian:
# gcc-arm-none-eabi + picolibc-arm-none-eabi). Override the compiler with
#   cmake -DTF_ARM_GCC=/path/to/arm-none-eabi-gcc ...
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(TF_ARM_GCC "arm-none-eabi-gcc" CACHE FILEPATH "the arm-none-eabi-gcc to build with")
set(CMAKE_C_COMPILER "${TF_ARM_GCC}")
# The compiler check cannot link a program without the project's linker script.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
