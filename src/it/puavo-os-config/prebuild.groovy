def images = evaluate(new File(itSupport, 'images.groovy'))
images.make(new File(basedir, 'images'), [
        'puavo-os-test-bookworm-2024-01-01-120000-amd64.img',
        'puavo-os-test-bookworm-2024-01-08-120000-amd64.img',
        'puavo-os-test-bookworm-2024-01-15-120000-amd64.img'])
// Buster's format: series name to image list. It leaves out the middle image.
File config = new File(basedir, 'puavo-os/config/images/bookworm.json')
config.parentFile.mkdirs()
config.text = '{"hand-written-series":["puavo-os-test-bookworm-2024-01-01-120000-amd64.img",' +
        '"puavo-os-test-bookworm-2024-01-15-120000-amd64.img"]}'
return true
