def images = evaluate(new File(itSupport, 'images.groovy'))
File dir = new File(basedir, 'images')
images.make(dir, [
        'puavo-os-test-bookworm-2024-01-01-120000-amd64.img',
        'puavo-os-test-bookworm-2024-01-08-120000-amd64.img',
        'puavo-os-test-bookworm-2024-01-15-120000-amd64.img'])
images.make(dir, [
        'puavo-os-test-bullseye-2023-06-01-080000-amd64.img',
        'puavo-os-test-bullseye-2023-07-01-080000-amd64.img'])
// Neither is an image: the first is ignored, the second skipped with a warning.
new File(dir, 'notes.txt').text = 'not an image\n'
new File(dir, 'broken.img').text = 'no stamp in the name\n'
return true
