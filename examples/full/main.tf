# Every nested object of the task body populated: the seed's example request
# (PUT /v3/tasks/{task_id}) written as configuration, for a block-level migration
# of the registered Linux source server web-linux-01 (one MBR disk: /boot, an LVM
# volume group holding the root file system, and a Btrfs data partition).
#
# Values the API reports (state, create_date, sub_tasks, the target disks' IDs,
# clone_server.clone_state, ...) are left out: they are read-only or filled in by
# the API, and never show as a diff.

# Configured from the environment (HW_REGION_NAME, HW_ACCESS_KEY, HW_SECRET_KEY,
# HW_PROJECT_ID, HW_SMS_ENDPOINT, ...); see the provider documentation.
provider "sms" {}

resource "sms_migration_task" "full" {
  name                  = "web-linux-01-block"
  type                  = "MIGRATE_BLOCK"
  os_type               = "LINUX"
  priority              = 1
  speed_limit           = 0
  start_target_server   = true
  enterprise_project_id = "0"
  vm_template_id        = "38d53ae9-70e3-4587-89c9-6219d3d4e962"

  source_server = {
    id                 = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
    ip                 = "10.0.0.21"
    name               = "web-linux-01"
    hostname           = "web-linux-01"
    os_type            = "LINUX"
    os_version         = "CENTOS7_64BIT"
    agent_version      = "24.3.0"
    kernel_version     = "3.10.0-1160.el7.x86_64"
    firmware           = "BIOS"
    boot_loader        = "GRUB"
    cpu_quantity       = 4
    memory             = 8192
    has_rsync          = true
    paravirtualization = false
    raw_devices        = ""

    disks = [
      {
        name            = "/dev/vda"
        partition_style = "MBR"
        device_use      = "OS"
        size            = 42949672960
        used_size       = 42948624384
        os_disk         = true
        relation_name   = "/dev/vda"
        physical_volumes = [
          {
            index            = 1
            name             = "/dev/vda1"
            device_use       = "BOOT"
            file_system      = "xfs"
            mount_point      = "/boot"
            uuid             = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b"
            size             = 1073741824
            used_size        = 209715200
            inode_size       = 524288
            size_per_cluster = 4096
          },
          {
            index       = 2
            name        = "/dev/vda2"
            device_use  = "OS"
            file_system = "LVM2_member"
            uuid        = "Xq3vHn-2kLd-9PzR-mT4w-Jc8e-Yb1u-Fa6sG0"
            size        = 31137464320
            used_size   = 31137464320
          },
          {
            index            = 3
            name             = "/dev/vda3"
            device_use       = "NORMAL"
            file_system      = "btrfs"
            mount_point      = "/data"
            uuid             = "8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968"
            size             = 10737418240
            used_size        = 2147483648
            size_per_cluster = 4096
          },
        ]
      },
    ]

    btrfs_list = [
      {
        name                     = "data-fs"
        label                    = "data"
        uuid                     = "8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968"
        device                   = "/dev/vda3"
        size                     = 10737418240
        nodesize                 = 16384
        sectorsize               = 4096
        data_profile             = "single"
        system_profile           = "DUP"
        metadata_profile         = "DUP"
        global_reserve1          = "16.00MiB"
        g_vol_used_size          = 2147483648
        default_subvolid         = "5"
        default_subvol_name      = "<FS_TREE>"
        default_subvol_mountpath = "/data"
        subvolumn = [
          {
            uuid              = "2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b"
            is_snapshot       = "false"
            subvol_id         = "256"
            parent_id         = "5"
            subvol_name       = "app"
            subvol_mount_path = "/data/app"
          },
        ]
      },
    ]

    networks = [
      {
        name    = "eth0"
        ip      = "10.0.0.21"
        netmask = "255.255.255.0"
        gateway = "10.0.0.1"
        mtu     = 1500
        mac     = "fa:16:3e:5a:21:0c"
      },
    ]

    volume_groups = [
      {
        name       = "centos"
        components = "/dev/vda2"
        size       = 31134318592
        free_size  = 0
        logical_volumes = [
          {
            name        = "/dev/mapper/centos-root"
            mount_point = "/"
            file_system = "xfs"
            device_use  = "OS"
            size        = 27913093120
            used_size   = 6442450944
            free_size   = 21470642176
            inode_size  = 13631488
          },
          {
            name        = "/dev/mapper/centos-swap"
            mount_point = "swap"
            file_system = "swap"
            device_use  = "NORMAL"
            size        = 3221225472
            used_size   = 0
            free_size   = 3221225472
            inode_size  = 0
          },
        ]
      },
    ]
  }

  target_server = {
    name         = "web-linux-01-target"
    os_type      = "LINUX"
    os_version   = "CENTOS7_64BIT"
    firmware     = "BIOS"
    boot_loader  = "GRUB"
    cpu_quantity = 4
    memory       = 8192
    flavor       = "s6.xlarge.2"
    btrfs_list   = ["data-fs"]

    disks = [
      {
        name            = "/dev/vda"
        disk_index      = "0"
        partition_style = "MBR"
        device_use      = "OS"
        size            = 42949672960
        used_size       = 42948624384
        os_disk         = true
        relation_name   = "/dev/vda"
        physical_volumes = [
          {
            index         = 1
            name          = "/dev/vda1"
            relation_name = "/dev/vda1"
            device_use    = "BOOT"
            file_system   = "xfs"
            mount_point   = "/boot"
            uuid          = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b"
            size          = 1073741824
            used_size     = 209715200
            free_size     = 864026624
          },
          {
            index         = 2
            name          = "/dev/vda2"
            relation_name = "/dev/vda2"
            device_use    = "OS"
            file_system   = "LVM2_member"
            uuid          = "Xq3vHn-2kLd-9PzR-mT4w-Jc8e-Yb1u-Fa6sG0"
            size          = 31137464320
            used_size     = 31137464320
            free_size     = 0
          },
          {
            index         = 3
            name          = "/dev/vda3"
            relation_name = "/dev/vda3"
            device_use    = "NORMAL"
            file_system   = "btrfs"
            mount_point   = "/data"
            uuid          = "8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968"
            size          = 10737418240
            used_size     = 2147483648
            free_size     = 8589934592
          },
        ]
      },
    ]

    networks = [
      {
        name    = "eth0"
        ip      = "10.0.1.21"
        netmask = "255.255.255.0"
        gateway = "10.0.1.1"
        mtu     = 1500
        mac     = "fa:16:3e:7b:44:e1"
      },
    ]

    volume_groups = [
      {
        name       = "centos"
        components = "/dev/vda2"
        size       = 31134318592
        free_size  = 0
        logical_volumes = [
          {
            name        = "/dev/mapper/centos-root"
            mount_point = "/"
            file_system = "xfs"
            device_use  = "OS"
            size        = 27913093120
            used_size   = 6442450944
            free_size   = 21470642176
            inode_size  = 13631488
          },
          {
            name        = "/dev/mapper/centos-swap"
            mount_point = "swap"
            file_system = "swap"
            device_use  = "NORMAL"
            size        = 3221225472
            used_size   = 0
            free_size   = 3221225472
            inode_size  = 0
          },
        ]
      },
    ]
  }

  # The server a migration drill clones the target into.
  clone_server = {
    name = "web-linux-01-drill"
  }

  timeouts = {
    create = "30m"
    update = "30m"
    delete = "30m"
  }
}
