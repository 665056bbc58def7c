/* The non-secure image inside the loadable firmware: the raw bytes of its binary (TF_TZ_NS_BLOB,
 * found on the assembler's -I path), placed by secure.ld at the start of the non-secure code
 * partition, where its vector table must be. */
#define TF_TZ_STR2(x) #x
#define TF_TZ_STR(x) TF_TZ_STR2(x)

__asm__(".section .tf_ns_image,\"a\",%progbits\n\t"
        ".incbin \"" TF_TZ_STR(TF_TZ_NS_BLOB) "\"\n\t"
        ".previous");
