/*
** stdlib_blob.S — link the guest's stdlib image (guest/pack_stdlib.py) into
** the binary, so the host serves it from read-only memory and never opens a
** file for the guest.  PA_STDLIB_ZIP and PA_TZDATA_ZIP are the images'
** paths, set by the Makefile; PA_GUEST_ID is a hash of everything the guest
** is made of (python.wasm and both zips): snapshot images carry it, so an
** image is never used by a binary with a different guest.
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
    .global pa_guest_id
pa_guest_id:
    .asciz PA_GUEST_ID
    .section .note.GNU-stack,"",@progbits
