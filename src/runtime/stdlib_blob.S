/*
** stdlib_blob.S — link the guest's stdlib image (guest/pack_stdlib.py) into
** the binary, so the host serves it from read-only memory and never opens a
** file for the guest.  PA_STDLIB_ZIP and PA_TZDATA_ZIP are the images'
** paths, set by the Makefile.
*/
    .section .rodata
    .balign 16
    .global pa_stdlib_zip
    .global pa_stdlib_zip_end
pa_stdlib_zip:
    .incbin PA_STDLIB_ZIP
pa_stdlib_zip_end:
    .byte 0
    .balign 16
    .global pa_tzdata_zip
    .global pa_tzdata_zip_end
pa_tzdata_zip:
    .incbin PA_TZDATA_ZIP
pa_tzdata_zip_end:
    .byte 0
    .section .note.GNU-stack,"",@progbits
